package incident

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// Repo names the repository.
type Repo struct{ Owner, Name string }

// Load reads incident number's log: every comment on the issue, a hundred a page, whose author is
// identity and whose body starts with the log marker. Comments by anyone else are ignored, so no
// one can forge an entry. The record's Number is set; the rest comes from the entries.
func Load(ctx context.Context, c *github.Client, repo Repo, number int, identity string) (Record, error) {
	entries, _, _, err := scan(ctx, c, repo, number, identity)
	if err != nil {
		return Record{}, err
	}
	r := Fold(entries)
	r.Number = number
	return r, nil
}

// rescanSlack is how far before the newest entry known a re-read of the log starts: a comment
// another run wrote while this one read the log has a server time after the read, which is at
// most seconds after the newest entry it saw.
const rescanSlack = 10 * time.Minute

// rescan is k with the entries the log gained: only the comments updated from rescanSlack
// before the newest entry k knows are read (one page, at any log length), never the whole log
// again. grew says whether it found an entry k did not know.
func rescan(ctx context.Context, c *github.Client, repo Repo, number int, identity string, k known) (known, bool, error) {
	since := time.Time{}
	if covered := k.covered(); !covered.IsZero() {
		since = covered.Add(-rescanSlack)
	}
	fresh, _, seen, err := scanSince(ctx, c, repo, number, identity, since)
	if err != nil {
		return k, false, err
	}
	k, grew := k.add(fresh)
	k.read = latest(k.newest(), seen) // this read saw every entry written before it
	return k, grew, nil
}

// scan lists issue number's comments by identity, a hundred a page: the log entries, and the
// ids of the comments the toolkit has replied to.
func scan(ctx context.Context, c *github.Client, repo Repo, number int, identity string) ([]Entry, []int64, time.Time, error) {
	return scanSince(ctx, c, repo, number, identity, time.Time{})
}

// scanSince is scan of the comments updated at or after since; the zero time reads them all.
// seen is the newest server time among every comment read, anyone's: the read covers the log
// up to it, so a re-read can start there (less rescanSlack) however few entries it held.
func scanSince(ctx context.Context, c *github.Client, repo Repo, number int, identity string, since time.Time) (out []Entry, replied []int64, seen time.Time, err error) {
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	if !since.IsZero() {
		opts.Since = &since
	}
	for {
		comments, resp, err := c.Issues.ListComments(ctx, repo.Owner, repo.Name, number, opts)
		if err != nil {
			return nil, nil, time.Time{}, fmt.Errorf("read the log of incident #%d: %w", number, gh.Explain(err))
		}
		for _, cm := range comments {
			for _, t := range []time.Time{cm.GetCreatedAt().Time, cm.GetUpdatedAt().Time} {
				if t.After(seen) {
					seen = t.UTC()
				}
			}
			if e, ok := FromComment(cm, identity); ok {
				out = append(out, e)
			} else if id, ok := replyTo(cm, identity); ok {
				replied = append(replied, id)
			}
		}
		if resp.NextPage == 0 {
			return out, replied, seen, nil
		}
		opts.Page = resp.NextPage
	}
}

// FromComment reads the entry in a log comment written by identity; ok is false for any other
// comment.
func FromComment(cm *github.IssueComment, identity string) (Entry, bool) {
	if !strings.EqualFold(cm.GetUser().GetLogin(), identity) {
		return Entry{}, false
	}
	e, err := Parse(cm.GetBody())
	if err != nil {
		return Entry{}, false
	}
	e.Time, e.ID, e.Author = cm.GetCreatedAt().Time.UTC(), cm.GetID(), cm.GetUser().GetLogin()
	return e, true
}

// Append writes e to incident number's log as one comment, and returns it. When the response is
// lost, it looks for the comment before writing it again, so the entry is written once.
func Append(ctx context.Context, c *github.Client, repo Repo, number int, e Entry) (*github.IssueComment, error) {
	body, err := Body(e)
	if err != nil {
		return nil, err
	}
	tried := false
	find := func(ctx context.Context) (*github.IssueComment, bool, error) {
		if !tried {
			tried = true
			return nil, false, nil // nothing was written yet
		}
		return findComment(ctx, c, repo, number, body)
	}
	create := func(ctx context.Context) (*github.IssueComment, error) {
		cm, _, err := c.Issues.CreateComment(ctx, repo.Owner, repo.Name, number, &github.IssueComment{Body: &body})
		return cm, err
	}
	cm, err := gh.Ensure(ctx, find, create)
	if err != nil {
		return nil, fmt.Errorf("append the %s entry to incident #%d: %w", e.Type, number, gh.Explain(err))
	}
	return cm, nil
}

// findComment looks for the comment with exactly body on issue number.
func findComment(ctx context.Context, c *github.Client, repo Repo, number int, body string) (*github.IssueComment, bool, error) {
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		comments, resp, err := c.Issues.ListComments(ctx, repo.Owner, repo.Name, number, opts)
		if err != nil {
			return nil, false, err
		}
		for _, cm := range comments {
			if cm.GetBody() == body {
				return cm, true, nil
			}
		}
		if resp.NextPage == 0 {
			return nil, false, nil
		}
		opts.Page = resp.NextPage
	}
}

// Link joins an object (a linked entry: Kind, Number or Name, URL) to incident number, unless
// the log already links it. It reports whether it wrote an entry.
func Link(ctx context.Context, c *github.Client, repo Repo, number int, identity string, e Entry) (bool, error) {
	r, err := Load(ctx, c, repo, number, identity)
	if err != nil {
		return false, err
	}
	e.Type = Linked
	if r.Linked(e.Kind, e.Number, e.Name) {
		return false, nil
	}
	if e.Message == "" {
		e.Message = linkText(e) + "."
	}
	_, err = Append(ctx, c, repo, number, e)
	return err == nil, err
}

// listed is an incident's record from the summary in its body, when the toolkit opened the
// issue and the summary holds the facts line; otherwise it reads the log.
func listed(ctx context.Context, c *github.Client, repo Repo, is *github.Issue, identity string) (Record, error) {
	if strings.EqualFold(is.GetUser().GetLogin(), identity) {
		if r, ok := FromBody(is.GetNumber(), is.GetBody()); ok {
			return r, nil
		}
	}
	return Load(ctx, c, repo, is.GetNumber(), identity)
}

// FindLabeled loads every incident (open or closed) updated at or after since, a zero since
// for all: it lists the issues labelled label, a hundred a page, leaves out pull requests, and
// takes each one's metric facts from its summary (listed), reading the log only of an incident
// whose body lacks them. The records have Number, Severity and the timestamps.
func FindLabeled(ctx context.Context, c *github.Client, repo Repo, label, identity string, since time.Time) ([]Record, error) {
	opts := &github.IssueListByRepoOptions{State: "all", Labels: []string{label}, Since: since, ListOptions: github.ListOptions{PerPage: 100}}
	var out []Record
	for {
		issues, resp, err := c.Issues.ListByRepo(ctx, repo.Owner, repo.Name, opts)
		if err != nil {
			return nil, fmt.Errorf("list the issues labelled %s: %w", label, gh.Explain(err))
		}
		for _, is := range issues {
			if is.IsPullRequest() {
				continue
			}
			r, err := listed(ctx, c, repo, is, identity)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}

// latest is the later of two times.
func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
