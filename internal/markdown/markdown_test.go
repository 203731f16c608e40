package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"ping @org/team now", "ping @&#8203;org/team now"},
		{"<!-- hotfix:log -->", "&lt;!-- hotfix:log --&gt;"},
		{"a | b", "a | b"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCell(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"a | b", `a \| b`},
		{"line1\nline2\r\nline3", "line1 line2 line3"},
		{"@alice", "@&#8203;alice"},
	}
	for _, tt := range tests {
		if got := Cell(tt.in); got != tt.want {
			t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCode(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"src/a.go", "`src/a.go`"},
		{"a`b", "``a`b``"},
		{"`x", "`` `x ``"},
		{"", "`  `"},
		{"a\nb", "`a b`"},
	}
	for _, tt := range tests {
		if got := Code(tt.in); got != tt.want {
			t.Errorf("Code(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got, want := CodeCell("a|b"), "`a\\|b`"; got != want {
		t.Errorf("CodeCell = %q, want %q", got, want)
	}
}

func TestTruncate(t *testing.T) {
	t.Parallel()
	short := strings.Repeat("x", MaxBody)
	if got := Truncate(short); got != short {
		t.Errorf("Truncate changed a body at the limit")
	}
	long := strings.Repeat("é", 70000)
	got := Truncate(long)
	if n := utf8.RuneCountInString(got); n > MaxBody || n < MaxBody-8 {
		t.Errorf("Truncate gave %d characters, want just under %d", n, MaxBody)
	}
	if !strings.Contains(got, "Truncated: ") || !strings.Contains(got, "65536") {
		t.Errorf("Truncate left no note: %q", got[len(got)-200:])
	}
}
