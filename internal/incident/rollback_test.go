package incident

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestParseRollback(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		body string
		want Entry
	}{
		{"/rollback", Entry{Type: Mitigated, How: "rollback", Kind: "deploy"}},
		{"/rollback v1.2.3", Entry{Type: Mitigated, How: "rollback", Kind: "deploy", Name: "v1.2.3"}},
		{"/rollback v1.2.3 errors since v1.2.4\nmore", Entry{Type: Mitigated, How: "rollback", Kind: "deploy", Name: "v1.2.3", Text: "errors since v1.2.4\nmore"}},
		{"/rollback checkout errors after v1.2.4", Entry{Type: Mitigated, How: "rollback", Kind: "deploy", Text: "checkout errors after v1.2.4"}},
		{"/mitigated rollback by hand", Entry{Type: Mitigated, How: "rollback", Text: "by hand"}},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			t.Parallel()
			got, err := ParseCommand(tt.body, now, Severities)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
			if isRollback(got) != (tt.want.Kind == "deploy") {
				t.Errorf("isRollback = %v", isRollback(got))
			}
		})
	}
	if _, err := ParseCommand("/rollback v1.2.3:x", now, Severities); err == nil || !strings.Contains(err.Error(), "is not a tag") {
		t.Errorf("a tag with a colon: %v", err)
	}
}

func TestDecideRollback(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	declared := Entry{V: Version, Type: Declared, Severity: "P1", Title: "Checkout fails", Commander: "ada", Time: now.Add(-time.Hour), ID: 1}
	comment := &github.IssueComment{ID: github.Int64(42), Body: github.String("/rollback"), User: &github.User{Login: github.String("ada")}}
	facts := CommandFacts{Entries: []Entry{declared}, MayCommand: true}
	off := Options{Identity: "sandbox-bot", Scale: Severities, Now: func() time.Time { return now }}
	d := DecideCommand(comment, facts, off)
	if d.Outcome != Invalid || !strings.Contains(d.Reply, "the policy names no deploy.workflow to roll back with") {
		t.Errorf("without a deploy: %s, reply %q", d.Outcome, d.Reply)
	}
	on := off
	on.Rollback = func(context.Context, Record, string) (Rollback, error) {
		return Rollback{Tag: "v1.2.3", Rule: "a rule"}, nil
	}
	d = DecideCommand(comment, facts, on)
	if d.Outcome != Applied || !isRollback(d.Entry) {
		t.Fatalf("with a deploy: %s, entry %+v", d.Outcome, d.Entry)
	}
	d, err := rollback(context.Background(), d, 1, known{entries: facts.Entries}, on)
	if err != nil || d.Entry.Name != "v1.2.3" || d.Entry.Text != "Rolled back to v1.2.3 (a rule)." || !strings.Contains(d.Entry.Message, "Rolled back to v1.2.3") {
		t.Errorf("rollback: %v, entry %+v", err, d.Entry)
	}
}
