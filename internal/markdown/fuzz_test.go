package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are hostile texts: mentions, pipes, marker look-alikes, line breaks and backticks.
var fuzzSeeds = []string{
	"@org/team | <!-- hotfix:log {\"v\":1} -->",
	"a\\|b\r\nc\rd\ne",
	"<!<!---->-->",
	"``x`` ` `",
	"\xff\xfe@\x00",
}

// unescapedPipe reports whether s has a | that no backslash escapes: one that splits a GitHub table
// row (GFM reads \| as a pipe in the cell, whatever precedes the backslash).
func unescapedPipe(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '|' && (i == 0 || s[i-1] != '\\') {
			return true
		}
	}
	return false
}

// pings reports whether s has an @ that GitHub could read as a mention.
func pings(s string) bool {
	return strings.Count(s, "@") != strings.Count(s, "@&#8203;")
}

// FuzzText checks that running text can't ping or open an HTML comment.
func FuzzText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(s)
		if pings(got) || strings.Contains(got, "<!--") || strings.Contains(got, "-->") {
			t.Fatalf("Text(%q) = %q still pings or holds a comment delimiter", s, got)
		}
	})
}

// FuzzCell checks that a cell never breaks its row: no unescaped |, no line break, no ping.
func FuzzCell(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, got := range map[string]string{"Cell": Cell(s), "CodeCell": CodeCell(s)} {
			if unescapedPipe(got) || strings.ContainsAny(got, "\r\n") {
				t.Fatalf("%s(%q) = %q breaks a table row", name, s, got)
			}
		}
		if got := Cell(s); pings(got) || strings.Contains(got, "<!--") || strings.Contains(got, "-->") {
			t.Fatalf("Cell(%q) = %q pings or opens a comment", s, got)
		}
	})
}

// FuzzCode checks that a code span is one line and that no backtick run inside it closes it.
func FuzzCode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Code(s)
		fence := got[:len(got)-len(strings.TrimLeft(got, "`"))]
		inner, ok := strings.CutSuffix(got[len(fence):], fence)
		if !ok || strings.ContainsAny(got, "\r\n") || strings.Contains(inner, fence) {
			t.Fatalf("Code(%q) = %q: fence %q does not hold the text", s, got, fence)
		}
	})
}

// FuzzTruncate checks that a body is never over GitHub's limit, that a body within it is kept as
// it is, and that a cut body keeps its start and ends with the note.
func FuzzTruncate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint16(0))
	}
	f.Add("é", uint16(MaxBody/2+1))
	f.Fuzz(func(t *testing.T, s string, repeat uint16) {
		body := s + strings.Repeat(s+"x", int(repeat)%(MaxBody+2))
		got := Truncate(body)
		n := utf8.RuneCountInString(got)
		switch {
		case n > MaxBody:
			t.Fatalf("Truncate gave %d characters, over %d", n, MaxBody)
		case utf8.RuneCountInString(body) <= MaxBody && got != body:
			t.Fatalf("Truncate changed a body within the limit")
		case got != body && !strings.Contains(got, "Truncated: "):
			t.Fatalf("Truncate cut a body without the note")
		}
		prefix, _, _ := strings.Cut(got, "\n\n> [!NOTE]\n> Truncated: ")
		if got != body && !strings.HasPrefix(body, prefix) { // bytes kept as they are, even invalid UTF-8
			t.Fatalf("Truncate did not keep the start of the body")
		}
	})
}

// TestCommentOverlap covers what the fuzzer found: "<!-->" and "<!--->" hold both comment
// delimiters at once, and both must be neutralised.
func TestCommentOverlap(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"0<!-->0", "0&lt;!--&gt;0"},
		{"<!--->", "&lt;!---&gt;"},
		{"<!-- x -->", "&lt;!-- x --&gt;"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Cell(tt.in); got != tt.want {
			t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzMention checks the one rule for people: Mention and MentionCell ping only a valid login,
// as exactly "@login"; anything else pings no one, opens no comment, and the cell breaks no row.
func FuzzMention(f *testing.F) {
	for _, s := range append(fuzzSeeds, "ada", "@ada", "org/team", "a--b", "-a", "x|y") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		login := strings.TrimPrefix(s, "@")
		for name, got := range map[string]string{"Mention": Mention(s), "MentionCell": MentionCell(s)} {
			if ValidLogin(login) {
				if got != "@"+login {
					t.Fatalf("%s(%q) = %q, want @%s", name, s, got, login)
				}
				continue
			}
			if pings(got) || strings.Contains(got, "<!--") || strings.Contains(got, "-->") {
				t.Fatalf("%s(%q) = %q pings or holds a comment delimiter", name, s, got)
			}
		}
		if got := MentionCell(s); unescapedPipe(got) || strings.ContainsAny(got, "\r\n") {
			t.Fatalf("MentionCell(%q) = %q breaks a table row", s, got)
		}
	})
}
