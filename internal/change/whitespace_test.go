package change

import (
	"strings"
	"testing"
)

func TestWhitespaceHunk(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		candidate  bool
		old, added []string // one hunk
		want       bool
	}{
		{name: "reindent", candidate: true, old: []string{"    x = 1", "    y"}, added: []string{"\tx = 1", "\ty"}, want: true},
		{name: "inner spaces", candidate: true, old: []string{"a = b"}, added: []string{"a=b"}, want: true},
		{name: "trailing spaces", candidate: true, old: []string{"a"}, added: []string{"a \t"}, want: true},
		{name: "crlf", candidate: true, old: []string{"a"}, added: []string{"a\r"}, want: true},
		{name: "form feed and vertical tab", candidate: true, old: []string{"a"}, added: []string{"\fa\v"}, want: true},
		{name: "blank lines added", candidate: true, added: []string{"", "  "}, want: true},
		{name: "blank line removed", candidate: true, old: []string{"\t"}, want: true},
		{name: "a word changed", candidate: true, old: []string{"a b"}, added: []string{"a c"}, want: false},
		{name: "a line split in two", candidate: true, old: []string{"a b"}, added: []string{"a", "b"}, want: false},
		{name: "lines swapped", candidate: true, old: []string{"a", "b"}, added: []string{"b", "a"}, want: false},
		{name: "a line added", candidate: true, added: []string{"x"}, want: false},
		{name: "not a candidate", old: []string{"a"}, added: []string{" a"}, want: false},
	}
	for _, tt := range tests {
		var w whitespace
		w.start(tt.candidate)
		for _, line := range tt.old {
			w.removed([]byte(line))
		}
		for _, line := range tt.added {
			w.added([]byte(line))
		}
		w.endHunk()
		if got := w.only(); got != tt.want {
			t.Errorf("%s: only() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestWhitespaceNeedsEveryHunk(t *testing.T) {
	t.Parallel()
	var w whitespace
	w.start(true)
	if w.only() {
		t.Error("only() with no hunks = true, want false")
	}
	w.removed([]byte("a"))
	w.added([]byte(" a"))
	w.endHunk()
	w.added([]byte("new"))
	w.endHunk()
	w.removed([]byte("b"))
	w.added([]byte("b "))
	w.endHunk()
	if w.only() {
		t.Error("only() with one real change among three hunks = true, want false")
	}
}

func TestSqueeze(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"": "", " \t\r": "", " a b\tc ": "abc\n", "x": "x\n", strings.Repeat(" ab", 3): "ababab\n"} {
		if got := string(squeeze(nil, []byte(in))); got != want {
			t.Errorf("squeeze(%q) = %q, want %q", in, got, want)
		}
	}
}
