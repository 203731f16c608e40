package incident

import (
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

func TestOpenedLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		o    Opened
		want string
	}{
		{"with a branch", Opened{Number: 4, URL: "https://github.com/acme/shop/issues/4", Created: true, Branch: "hotfix/login"},
			"incident #4 https://github.com/acme/shop/issues/4 (created: true, branch: hotfix/login)"},
		{"a rerun, no branch", Opened{Number: 4, URL: "https://github.com/acme/shop/issues/4"},
			"incident #4 https://github.com/acme/shop/issues/4 (created: false, branch: none)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.o.Line(); got != tt.want {
				t.Errorf("Line() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHandledLine(t *testing.T) {
	t.Parallel()
	pm := &postmortem.Result{Number: 9, URL: "https://github.com/acme/shop/issues/9", Created: true}
	tests := []struct {
		name string
		h    Handled
		want string
	}{
		{"applied", Handled{Outcome: Applied, Type: "update"}, "incident #4: applied update"},
		{"resolved with a postmortem", Handled{Outcome: Applied, Type: "resolve", Postmortem: pm},
			"incident #4: applied resolve; postmortem #9 opened https://github.com/acme/shop/issues/9"},
		{"not a command", Handled{Outcome: NotACommand}, "incident #4: not-command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.h.Line(4); got != tt.want {
				t.Errorf("Line(4) = %q, want %q", got, tt.want)
			}
		})
	}
}
