package actionitem

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/identity"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Command is the comment on a postmortem that turns its typed rows into issues.
const Command = "/create-action-items"

// IsCommand reports whether a comment body is the /create-action-items command.
func IsCommand(body string) bool {
	fields := strings.Fields(body)
	return len(fields) == 1 && fields[0] == Command
}

// rowMarker is the hidden marker of the issue made from a typed row of a postmortem.
func rowMarker(postmortem int, t Typed) string {
	return fmt.Sprintf("<!-- hotfix:action-item postmortem=%d row=%s -->", postmortem, t.Hash())
}

// maxTitle is GitHub's limit on an issue title, in characters.
const maxTitle = 256

// newIssue is the issue for a typed row of postmortem: its text as the title, the postmortem
// link, the due date when the row gives a real one, the owner, and the marker. The owner is
// assigned, and shown as a mention, when the cell holds one login; other text in the cell is
// shown as it was typed, pinging no one.
func newIssue(postmortem int, t Typed, label string) *github.IssueRequest {
	title := []rune(strings.Join(strings.Fields(t.Action), " "))
	if len(title) > maxTitle {
		title = append(title[:maxTitle-1], '…')
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Postmortem: #%d\n", postmortem)
	if d, err := time.Parse(time.DateOnly, t.Due); err == nil {
		fmt.Fprintf(&b, "Due: %s\n", d.Format(time.DateOnly))
	}
	b.WriteString(ownerLine(t.Owner))
	fmt.Fprintf(&b, "\n%s\n\nMade from a row of the postmortem's Action Items table by `%s`.\n%s", markdown.Text(t.Action), Command, rowMarker(postmortem, t))
	s, body, labels := string(title), b.String(), []string{label}
	req := &github.IssueRequest{Title: &s, Body: &body, Labels: &labels}
	if login, ok := typedLogin(t.Owner); ok {
		req.Assignees = &[]string{login}
	}
	return req
}

// ownerLine names the row's owner in its issue: the login it is assigned to, or what the cell
// said when that is not one login; "" for an empty cell.
func ownerLine(typed string) string {
	if login, ok := typedLogin(typed); ok {
		return "Owner: " + markdown.Mention(login) + "\n"
	}
	if typed = strings.Join(strings.Fields(typed), " "); typed != "" {
		return "Owner, as typed: " + markdown.Text(typed) + " (not one login, so nobody is assigned)\n"
	}
	return ""
}

// Create turns the typed rows of postmortem number that have no issue yet into issues, then
// regenerates its table. A rerun finds each row's issue by its marker and makes no second one.
func Create(ctx context.Context, c *github.Client, repo postmortem.Repo, opts Options, now time.Time, number int) (Result, error) {
	f, err := Load(ctx, c, repo, opts, number)
	if err != nil {
		return Result{}, err
	}
	typed, err := parseTable(f.Postmortem.GetBody())
	if err != nil {
		return Result{}, fmt.Errorf("postmortem #%d: %w", number, err)
	}
	made, err := madeRows(ctx, c, opts, f.Items)
	if err != nil {
		return Result{}, err
	}
	var created []int
	for _, t := range typed {
		if made[t.Hash()] {
			continue
		}
		is, err := ensureItem(ctx, c, repo, opts, number, t)
		if err != nil {
			return Result{Postmortem: number, Created: created}, err
		}
		made[t.Hash()] = true
		created = append(created, is.GetNumber())
		f.Items = append(f.Items, fromIssue(is, ParentOf(f.Postmortem), opts.DueDays))
	}
	r, err := Write(ctx, c, repo, now, f)
	r.Created = created
	return r, err
}

// ensureItem makes the issue for a typed row unless a read shows it was made after all.
func ensureItem(ctx context.Context, c *github.Client, repo postmortem.Repo, opts Options, number int, t Typed) (*github.Issue, error) {
	first := true
	find := func(ctx context.Context) (*github.Issue, bool, error) {
		if first { // Create has just read the items
			first = false
			return nil, false, nil
		}
		login, err := opts.author(c)(ctx)
		if err != nil {
			return nil, false, err
		}
		return findRow(ctx, c, repo, opts.label(), number, t.Hash(), login)
	}
	create := func(ctx context.Context) (*github.Issue, error) {
		return createItem(ctx, c, repo, newIssue(number, t, opts.label()))
	}
	is, err := gh.Ensure(ctx, find, create)
	if err != nil {
		return nil, fmt.Errorf("create the action item %q of postmortem #%d: %w", t.Action, number, gh.Explain(err))
	}
	return is, nil
}

// createItem creates the issue; when GitHub refuses the assignee (not a collaborator), it creates
// it without one.
func createItem(ctx context.Context, c *github.Client, repo postmortem.Repo, req *github.IssueRequest) (*github.Issue, error) {
	is, _, err := c.Issues.Create(ctx, repo.Owner, repo.Name, req)
	if err != nil && req.Assignees != nil && gh.Kind(err) == gh.Validation {
		req.Assignees = nil
		is, _, err = c.Issues.Create(ctx, repo.Owner, repo.Name, req)
	}
	return is, err
}

// findRow looks for the item made from the row with hash, among the labelled issues.
func findRow(ctx context.Context, c *github.Client, repo postmortem.Repo, label string, number int, hash, login string) (*github.Issue, bool, error) {
	issues, err := List(ctx, c, repo, label, "all")
	if err != nil {
		return nil, false, err
	}
	for _, is := range issues {
		if rowHash(is.GetBody(), number) == hash && strings.EqualFold(is.GetUser().GetLogin(), login) {
			return is, true, nil
		}
	}
	return nil, false, nil
}

// madeRows are the rows whose issue the toolkit made: an item with a row marker that someone else
// opened is a look-alike, and does not stop the row's issue from being made. The login is asked
// only when some item carries a row marker.
func madeRows(ctx context.Context, c *github.Client, opts Options, items []Item) (map[string]bool, error) {
	made := map[string]bool{}
	login := ""
	for _, it := range items {
		if it.Row == "" {
			continue
		}
		if login == "" {
			var err error
			if login, err = opts.author(c)(ctx); err != nil {
				return nil, fmt.Errorf("find who made the action items: %w", err)
			}
		}
		if strings.EqualFold(it.Author, login) {
			made[it.Row] = true
		}
	}
	return made, nil
}

// author is Options.Author, or the token's GraphQL viewer when it is nil.
func (o Options) author(c *github.Client) func(context.Context) (string, error) {
	if o.Author != nil {
		return o.Author
	}
	return identity.New(c, "").Author("")
}
