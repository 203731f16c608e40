package incident

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// syncRounds bounds how often sync writes the issue while catching entries written meanwhile.
// It only matters when runs keep appending while this one writes; each round is caused by an
// entry another run appended, and that run writes the issue after appending it.
const syncRounds = 16

// syncIssue makes the issue agree with the log as k knows it: the summary re-rendered, the
// status/* and severity/* labels, and open or closed. After writing, it reads what the log
// gained (rescan): an entry that another run appended meanwhile is folded in and written too,
// so of concurrent updates, the one that writes last shows them all. It stops only after a
// write that holds everything the log had: when the rescan finds nothing new, or, in the last
// round, a write of what that round's rescan found, never on a write it knows to be stale.
func syncIssue(ctx context.Context, c *github.Client, repo Repo, issue *github.Issue, k known, o Options) (Record, error) {
	n := issue.GetNumber()
	for round := 1; ; round++ {
		var err error
		if k, err = whole(ctx, c, repo, n, o.Identity, k); err != nil {
			return Record{}, err
		}
		r, _ := k.fold()
		r.Number = n
		if issue, err = edit(ctx, c, repo, issue, r, o); err != nil || round == syncRounds {
			return r, err
		}
		again, grew, err := rescan(ctx, c, repo, n, o.Identity, k)
		if err != nil || !grew {
			return r, err
		}
		k = again
	}
}

// edit writes the body, labels and state the record calls for, in one request, when any differ.
func edit(ctx context.Context, c *github.Client, repo Repo, issue *github.Issue, r Record, o Options) (*github.Issue, error) {
	body := ReplaceSummary(issue.GetBody(), Summary(r, o.Scale))
	labels := Labels(names(issue.Labels), r)
	state := "open"
	if !r.Open {
		state = "closed"
	}
	if withoutFacts(body) == withoutFacts(issue.GetBody()) && slices.Equal(labels, names(issue.Labels)) && state == issue.GetState() {
		return issue, nil
	}
	req := &github.IssueRequest{Body: &body, Labels: &labels, State: &state}
	got, _, err := c.Issues.Edit(ctx, repo.Owner, repo.Name, issue.GetNumber(), req)
	if err != nil {
		return issue, fmt.Errorf("update incident #%d: %w", issue.GetNumber(), gh.Explain(err))
	}
	return got, nil
}

// Labels are the issue's labels for r: its own labels other than status/* and severity/*, then
// the record's severity and status.
func Labels(have []string, r Record) []string {
	var out []string
	for _, l := range have {
		if !strings.HasPrefix(l, "status/") && !strings.HasPrefix(l, "severity/") {
			out = append(out, l)
		}
	}
	if r.Severity != "" {
		out = append(out, "severity/"+r.Severity)
	}
	if r.State != "" {
		out = append(out, "status/"+r.State)
	}
	return out
}

func names(labels []*github.Label) []string {
	out := make([]string, 0, len(labels))
	for _, l := range labels {
		out = append(out, l.GetName())
	}
	return out
}
