package incident

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Outcomes of a command comment.
const (
	Applied      = "applied"      // the entry was appended and the issue updated
	AlreadyDone  = "already"      // a rerun: the command was applied before; the issue was synced
	Refused      = "refused"      // the author may not give commands; they got a reply
	Invalid      = "invalid"      // the command is unknown or its argument bad; they got a reply
	NotACommand  = "not-command"  // the comment is not a command
	ReplyWritten = "reply-exists" // refused or invalid, and the reply was already written
)

// Handled is the outcome of Handle.
type Handled struct {
	Outcome    string             `json:"outcome"`
	Type       string             `json:"type,omitempty"`
	Reason     string             `json:"reason,omitempty"` // why a command was refused or invalid
	Entry      Entry              `json:"-"`                // the entry the command made
	Record     Record             `json:"-"`
	Message    string             `json:"-"` // the message posted, for notifications
	Postmortem *postmortem.Result `json:"postmortem,omitempty"`
}

// Handle applies the command in comment to incident number: only a collaborator with write
// access may give one; anyone else, and a bad command, gets one reply. A valid command appends
// its entry (with the Update or Resolution message), syncs the issue with the log, and on
// /resolve opens the postmortem. A rerun for the same comment appends nothing.
func Handle(ctx context.Context, c *github.Client, repo Repo, number int, comment *github.IssueComment, o Options) (Handled, error) {
	now := o.Now().UTC()
	e, perr := ParseCommand(comment.GetBody(), now, o.Scale)
	if errors.Is(perr, ErrNotCommand) {
		return Handled{Outcome: NotACommand}, nil
	}
	entries, replied, err := scan(ctx, c, repo, number, o.Identity)
	if err != nil {
		return Handled{}, err
	}
	author := comment.GetUser().GetLogin()
	if ok, err := mayCommand(ctx, c, repo, author); err != nil || !ok {
		h, err := reply(ctx, c, repo, number, comment, replied, Refused, refusal(author), err)
		h.Reason = fmt.Sprintf("%s has no write access to the repository", author)
		return h, err
	}
	if perr != nil {
		h, err := reply(ctx, c, repo, number, comment, replied, Invalid, invalid(author, perr), nil)
		h.Reason = perr.Error()
		return h, err
	}
	return apply(ctx, c, repo, number, comment, e, entries, o)
}

// mayCommand reports whether login has write access or above.
func mayCommand(ctx context.Context, c *github.Client, repo Repo, login string) (bool, error) {
	p, err := gh.Permission(ctx, c, repo.Owner, repo.Name, login)
	return gh.CanWrite(p), err
}

// apply appends the entry for a valid command, unless a rerun already did, and syncs the issue.
func apply(ctx context.Context, c *github.Client, repo Repo, number int, comment *github.IssueComment, e Entry, entries []Entry, o Options) (Handled, error) {
	out := Handled{Outcome: AlreadyDone, Type: e.Type, Entry: e}
	if !Fold(entries).Has(comment.GetID()) {
		e.Source, e.Posted = comment.GetID(), comment.GetCreatedAt().Time.UTC()
		e.Message = message(draft(entries, e, o.Now()), e, o)
		cm, err := Append(ctx, c, repo, number, e)
		if err != nil {
			return out, err
		}
		if got, ok := FromComment(cm, o.Identity); ok {
			entries = append(entries, got)
		}
		out.Outcome, out.Message = Applied, e.Message
	}
	issue, _, err := c.Issues.Get(ctx, repo.Owner, repo.Name, number)
	if err != nil {
		return out, fmt.Errorf("read incident #%d: %w", number, gh.Explain(err))
	}
	if out.Record, err = syncIssue(ctx, c, repo, issue, entries, o); err != nil {
		return out, err
	}
	if e.Type == Resolved && !out.Record.Open {
		out.Postmortem, err = openPostmortem(ctx, c, repo, out.Record, o)
	}
	return out, err
}

// draft is the record as it will be once e is appended: e comes after every entry so far.
func draft(entries []Entry, e Entry, now time.Time) Record {
	e.Time, e.ID = now, math.MaxInt64
	for _, x := range entries {
		if x.Time.After(e.Time) {
			e.Time = x.Time
		}
	}
	return Fold(append(slices.Clone(entries), e))
}

// message is the text for people that the entry's log comment carries.
func message(r Record, e Entry, o Options) string {
	sev, _ := o.Scale.Get(r.Severity)
	switch e.Type {
	case Status, Mitigated:
		return Update(r, e, sev, o.Now().UTC())
	case Resolved:
		return Resolution(r, e, o.Now().UTC())
	}
	return Note(r, e, sev)
}

// replyMarker marks the toolkit's one reply to a comment.
var replyMarker = regexp.MustCompile(`^<!-- hotfix:reply comment=([0-9]+) -->`)

// replyTo reads which comment a reply by identity answers.
func replyTo(cm *github.IssueComment, identity string) (int64, bool) {
	if !strings.EqualFold(cm.GetUser().GetLogin(), identity) {
		return 0, false
	}
	m := replyMarker.FindStringSubmatch(cm.GetBody())
	if m == nil {
		return 0, false
	}
	id, err := strconv.ParseInt(m[1], 10, 64)
	return id, err == nil
}

// reply answers comment once with text; a reply already written is not written again.
func reply(ctx context.Context, c *github.Client, repo Repo, number int, comment *github.IssueComment, replied []int64, outcome, text string, err error) (Handled, error) {
	if err != nil {
		return Handled{}, err
	}
	if slices.Contains(replied, comment.GetID()) {
		return Handled{Outcome: ReplyWritten}, nil
	}
	body := markdown.Truncate(fmt.Sprintf("<!-- hotfix:reply comment=%d -->\n%s", comment.GetID(), text))
	if _, _, err := c.Issues.CreateComment(ctx, repo.Owner, repo.Name, number, &github.IssueComment{Body: &body}); err != nil {
		return Handled{}, fmt.Errorf("reply on incident #%d: %w", number, gh.Explain(err))
	}
	return Handled{Outcome: outcome}, nil
}

// refusal is the polite reply to someone without write access.
func refusal(login string) string {
	return fmt.Sprintf("Thank you, %s. Incident commands can only be given by collaborators with write access to this repository, "+
		"so nothing was changed. Please ask the incident commander or a maintainer to post it.\n", mention(login))
}

// invalid is the reply to a command that is unknown or has a bad argument.
func invalid(login string, err error) string {
	return fmt.Sprintf("Sorry, %s: %s, so nothing was changed. The commands are:\n\n%s\n",
		mention(login), markdown.Text(err.Error()), "- "+strings.ReplaceAll(Forms, "\n", "\n- "))
}
