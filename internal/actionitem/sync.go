package actionitem

import (
	"context"
	"fmt"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Options are the policy's action-item settings.
type Options struct {
	Label   string         // the action-item label; "postmortem-action" when empty
	DueDays map[string]int // due days by severity; defaultDueDays for a severity not set
	// Author is the login the toolkit writes as (internal/identity): only an issue it wrote counts
	// as made from a row. Asked only when a row's issue is found; the token's GraphQL viewer when nil.
	Author func(context.Context) (string, error)
}

// Result is what a sync found and did.
type Result struct {
	Postmortem int    `json:"postmortem"`
	Items      int    `json:"items"`
	Open       int    `json:"open"`
	Overdue    int    `json:"overdue"`
	Pending    int    `json:"pending"` // typed rows with no issue yet
	AllClosed  bool   `json:"all_closed"`
	Changed    bool   `json:"changed"` // the postmortem's body was edited
	Created    []int  `json:"created,omitempty"`
	URL        string `json:"url"`
}

func (o Options) label() string {
	if o.Label == "" {
		return "postmortem-action"
	}
	return o.Label
}

// Facts are a postmortem and its action items.
type Facts struct {
	Postmortem *github.Issue
	Items      []Item
}

// ParentOf is what an item needs from the postmortem issue.
func ParentOf(pm *github.Issue) Parent {
	return Parent{Number: pm.GetNumber(), Severity: Severity(pm), Opened: pm.GetCreatedAt().Time}
}

// Load reads postmortem number and its items: the issues with the label, open or closed, whose
// body says "Postmortem: #number". Two requests for up to a hundred items.
func Load(ctx context.Context, c *github.Client, repo postmortem.Repo, opts Options, number int) (Facts, error) {
	pm, _, err := c.Issues.Get(ctx, repo.Owner, repo.Name, number)
	if err != nil {
		return Facts{}, fmt.Errorf("read postmortem #%d: %w", number, gh.Explain(err))
	}
	issues, err := List(ctx, c, repo, opts.label(), "all")
	if err != nil {
		return Facts{}, err
	}
	return Facts{Postmortem: pm, Items: Of(issues, ParentOf(pm), opts.DueDays)}, nil
}

// List lists the issues with label in state (open, closed or all), a hundred a page, every page.
// Pull requests are left out.
func List(ctx context.Context, c *github.Client, repo postmortem.Repo, label, state string) ([]*github.Issue, error) {
	opts := &github.IssueListByRepoOptions{State: state, Labels: []string{label}, ListOptions: github.ListOptions{PerPage: 100}}
	var all []*github.Issue
	for {
		issues, resp, err := c.Issues.ListByRepo(ctx, repo.Owner, repo.Name, opts)
		if err != nil {
			return nil, fmt.Errorf("list the %s issues: %w", label, gh.Explain(err))
		}
		for _, is := range issues {
			if !is.IsPullRequest() {
				all = append(all, is)
			}
		}
		if resp.NextPage == 0 {
			return all, nil
		}
		opts.Page = resp.NextPage
	}
}

// Of picks parent's items from the labelled issues.
func Of(issues []*github.Issue, parent Parent, days map[string]int) []Item {
	var items []Item
	for _, is := range issues {
		if PostmortemRef(is.GetBody()) == parent.Number {
			items = append(items, fromIssue(is, parent, days))
		}
	}
	return items
}

// Plan is the postmortem's body with its table regenerated at now, and the table itself. The
// body is unchanged, byte for byte, when the table already reads true.
func Plan(now time.Time, f Facts) (string, Table, error) {
	body := f.Postmortem.GetBody()
	typed, err := parseTable(body)
	if err != nil {
		return "", Table{}, fmt.Errorf("postmortem #%d: %w", f.Postmortem.GetNumber(), err)
	}
	t := Decide(now, f.Items, typed)
	out, err := Splice(body, Render(t))
	if err != nil {
		return "", Table{}, fmt.Errorf("postmortem #%d: %w", f.Postmortem.GetNumber(), err)
	}
	return out, t, nil
}

// Write regenerates the table and edits the postmortem's body only when it changed.
func Write(ctx context.Context, c *github.Client, repo postmortem.Repo, now time.Time, f Facts) (Result, error) {
	body, t, err := Plan(now, f)
	if err != nil {
		return Result{}, err
	}
	r := summarize(f, t)
	if body == f.Postmortem.GetBody() {
		return r, nil
	}
	if _, _, err := c.Issues.Edit(ctx, repo.Owner, repo.Name, r.Postmortem, &github.IssueRequest{Body: &body}); err != nil {
		return r, fmt.Errorf("update the action items of postmortem #%d: %w", r.Postmortem, gh.Explain(err))
	}
	r.Changed = true
	return r, nil
}

// Sync loads postmortem number and its items, and writes its table when it changed.
func Sync(ctx context.Context, c *github.Client, repo postmortem.Repo, opts Options, now time.Time, number int) (Result, error) {
	f, err := Load(ctx, c, repo, opts, number)
	if err != nil {
		return Result{}, err
	}
	return Write(ctx, c, repo, now, f)
}

// summarize counts the table's rows.
func summarize(f Facts, t Table) Result {
	r := Result{Postmortem: f.Postmortem.GetNumber(), URL: f.Postmortem.GetHTMLURL(), Items: len(f.Items), AllClosed: t.AllClosed}
	for _, row := range t.Rows {
		switch row.Status {
		case Open:
			r.Open++
		case Overdue:
			r.Overdue++
		case NoIssue:
			r.Pending++
		}
	}
	return r
}
