package markdown

import (
	"strings"
	"testing"
)

func TestValidLogin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{"ada", true},
		{"Ada-Lovelace", true},
		{"a", true},
		{strings.Repeat("a", 39), true},
		{strings.Repeat("a", 40), false},
		{"", false},
		{"-ada", false},
		{"ada-", false},
		{"a--b", false},
		{"org/team", false},
		{"ada lovelace", false},
		{"ada_l", false},
		{"@ada", false},
		{"адa", false},
	}
	for _, tt := range tests {
		if got := ValidLogin(tt.in); got != tt.want {
			t.Errorf("ValidLogin(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMention(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, text, cell string }{
		{"ada", "@ada", "@ada"},
		{"@ada", "@ada", "@ada"},
		{"", "", ""},
		{"org/team", "@&#8203;org/team", "@&#8203;org/team"},
		{"@org/team", "@&#8203;org/team", "@&#8203;org/team"},
		{"ada @bob", "@&#8203;ada @&#8203;bob", "@&#8203;ada @&#8203;bob"},
		{"a|b", "@&#8203;a|b", `@&#8203;a\|b`},
		{"x<!--", "@&#8203;x&lt;!--", "@&#8203;x&lt;!--"},
		{"a\nb", "@&#8203;a\nb", "@&#8203;a b"},
	}
	for _, tt := range tests {
		if got := Mention(tt.in); got != tt.text {
			t.Errorf("Mention(%q) = %q, want %q", tt.in, got, tt.text)
		}
		if got := MentionCell(tt.in); got != tt.cell {
			t.Errorf("MentionCell(%q) = %q, want %q", tt.in, got, tt.cell)
		}
	}
}
