package golden

import (
	"fmt"
	"strings"
	"testing"
)

func TestDiffShowsOnlyTheChangedLines(t *testing.T) {
	t.Parallel()
	var lines []string
	for i := range 200 {
		lines = append(lines, fmt.Sprintf("line %03d", i))
	}
	want := strings.Join(lines, "\n") + "\n"
	got := strings.Replace(want, "line 100\n", "line one hundred\n", 1)
	diff := Diff(want, got)
	for _, s := range []string{"-", "line 100", "+", "line one hundred"} {
		if !strings.Contains(diff, s) {
			t.Errorf("diff lacks %q:\n%s", s, diff)
		}
	}
	if strings.Contains(diff, "line 010") || strings.Contains(diff, "line 190") {
		t.Errorf("diff shows unchanged lines far from the change:\n%s", diff)
	}
}

func TestDiffEqualIsEmpty(t *testing.T) {
	t.Parallel()
	if d := Diff("a\nb\n", "a\nb\n"); d != "" {
		t.Errorf("Diff of equal text = %q, want empty", d)
	}
}

// recorder keeps what Check reports instead of failing the test that runs it.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestCheckReportsADiff(t *testing.T) {
	t.Parallel()
	r := &recorder{TB: t}
	check(r, "testdata/sample.golden", "first\nchanged\nthird\n", false)
	if len(r.errors) != 1 {
		t.Fatalf("Check reported %d errors, want 1: %q", len(r.errors), r.errors)
	}
	if msg := r.errors[0]; !strings.Contains(msg, "-want +got") || !strings.Contains(msg, "changed") || !strings.Contains(msg, "second") {
		t.Errorf("Check's report is not a diff of the golden file:\n%s", msg)
	}
}
