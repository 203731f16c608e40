package exit

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// annotations records what a runner would be told.
type annotations struct {
	active bool
	errors []string
}

func (a *annotations) Active() bool     { return a.active }
func (a *annotations) Error(msg string) { a.errors = append(a.errors, msg) }

func TestReport(t *testing.T) {
	t.Parallel()
	wrong := Usage(errors.New("--severity \"P9\" is not a severity"))
	tests := []struct {
		name       string
		err        error
		inJob      bool
		code       int
		stderr     string
		annotation string
	}{
		{"done", nil, false, OK, "", ""},
		{"a failed check, reported already", ErrCheckFailed, false, Failed, "", ""},
		{"a failed check, wrapped", fmt.Errorf("guard: %w", ErrCheckFailed), true, Failed, "", ""},
		{"a runtime error", errors.New("git diff: killed"), false, Failed, "hotfix guard: git diff: killed\n", ""},
		{"a usage error", wrong, false, Bad, "hotfix guard: --severity \"P9\" is not a severity\n", ""},
		{"a usage error, wrapped", fmt.Errorf("policy: %w", wrong), false, Bad, "hotfix guard: policy: --severity \"P9\" is not a severity\n", ""},
		{"in a job, an annotation", wrong, true, Bad, "", "hotfix guard: --severity \"P9\" is not a severity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stderr strings.Builder
			r := &annotations{active: tt.inJob}
			if code := Report(&stderr, r, "guard", tt.err); code != tt.code {
				t.Errorf("code %d, want %d", code, tt.code)
			}
			if stderr.String() != tt.stderr {
				t.Errorf("stderr %q, want %q", stderr.String(), tt.stderr)
			}
			if got := strings.Join(r.errors, "|"); got != tt.annotation {
				t.Errorf("annotations %q, want %q", got, tt.annotation)
			}
		})
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	if Usage(nil) != nil {
		t.Error("Usage(nil) is not nil")
	}
	base := errors.New("bad")
	u := Usage(base)
	if !IsUsage(u) || !errors.Is(u, base) || u.Error() != "bad" {
		t.Errorf("Usage(bad) = %v: IsUsage %v, Is %v", u, IsUsage(u), errors.Is(u, base))
	}
	if IsUsage(base) || IsUsage(ErrCheckFailed) {
		t.Error("an unmarked error reads as a usage error")
	}
}
