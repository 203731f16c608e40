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
	"sync"
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
// /resolve opens the postmortem. A rerun for the same comment appends nothing. It reads the
// facts, decides (DecideCommand, pure), then applies the decision.
func Handle(ctx context.Context, c *github.Client, repo Repo, number int, comment *github.IssueComment, o Options) (Handled, error) {
	if _, err := ParseCommand(comment.GetBody(), o.Now().UTC(), o.Scale); errors.Is(err, ErrNotCommand) {
		return Handled{Outcome: NotACommand}, nil // no request for a comment that is not a command
	}
	f, err := commandFacts(ctx, c, repo, number, comment, o)
	if err != nil {
		return Handled{}, err
	}
	d := DecideCommand(comment, f, o)
	switch d.Outcome {
	case Refused, Invalid:
		return reply(ctx, c, repo, number, comment, d)
	case ReplyWritten:
		return Handled{Outcome: ReplyWritten, Reason: d.Reason}, nil
	}
	if d.Outcome == Applied && isRollback(d.Entry) {
		if d, err = rollback(ctx, d, number, known{base: f.base, entries: f.Entries}, o); errors.Is(err, ErrRollback) {
			return refuseRollback(ctx, c, repo, number, comment, err)
		} else if err != nil {
			return Handled{}, err
		}
	}
	return apply(ctx, c, repo, number, d, f, o)
}

// CommandFacts are what a command comment is decided on: the incident's log as far as it was
// read, the comments the toolkit already replied to, and whether the author may give commands.
type CommandFacts struct {
	Entries    []Entry
	Replied    []int64
	MayCommand bool
	// Issue is the incident issue, read for the record its summary keeps (base, nil when
	// Entries are the whole log).
	Issue *github.Issue
	base  *Record
	read  time.Time // the newest server time the log's read covered (known.read)
}

// commandFacts reads the facts: the author's permission, then for a valid command the issue
// and the log's tail since the record its summary keeps (tail). A refused or invalid command
// needs only the replies since it was posted.
func commandFacts(ctx context.Context, c *github.Client, repo Repo, number int, comment *github.IssueComment, o Options) (CommandFacts, error) {
	var f CommandFacts
	var err error
	if f.MayCommand, err = mayCommand(ctx, c, repo, comment.GetUser().GetLogin()); err != nil {
		return f, err
	}
	posted := comment.GetCreatedAt().Time.UTC()
	e, perr := ParseCommand(comment.GetBody(), o.Now().UTC(), o.Scale)
	if !f.MayCommand || perr != nil {
		_, f.Replied, _, err = scanSince(ctx, c, repo, number, o.Identity, since(posted))
		return f, err
	}
	if f.Issue, _, err = c.Issues.Get(ctx, repo.Owner, repo.Name, number); err != nil {
		return f, fmt.Errorf("read incident #%d: %w", number, gh.Explain(err))
	}
	k, replied, err := tail(ctx, c, repo, f.Issue, comment, e.Type == Resolved, o)
	f.Entries, f.Replied, f.base, f.read = k.entries, replied, k.base, k.read
	return f, err
}

// since is when a read of the comments answering a command posted at posted starts; the zero
// time (all of them) when it is unknown.
func since(posted time.Time) time.Time {
	if posted.IsZero() {
		return posted
	}
	return posted.Add(-rescanSlack)
}

// CommandDecision is what a command comment comes to: the outcome, and the entry to append
// (Applied, AlreadyDone) or the reply to write (Refused, Invalid).
type CommandDecision struct {
	Outcome string
	Entry   Entry
	Reply   string
	Reason  string // why a command was refused or is invalid, for the log line
}

// DecideCommand decides what comment does to the incident, from the facts alone: no I/O. A
// person without write access is refused before the command is judged; a bad command gets the
// list of commands; a comment already answered or already applied (a rerun) changes nothing.
func DecideCommand(comment *github.IssueComment, f CommandFacts, o Options) CommandDecision {
	now := o.Now().UTC()
	e, perr := ParseCommand(comment.GetBody(), now, o.Scale)
	author := comment.GetUser().GetLogin()
	var d CommandDecision
	switch {
	case errors.Is(perr, ErrNotCommand):
		return CommandDecision{Outcome: NotACommand}
	case !f.MayCommand:
		d = CommandDecision{Outcome: Refused, Reply: refusal(author), Reason: fmt.Sprintf("%s has no write access to the repository", author)}
	case perr != nil:
		d = CommandDecision{Outcome: Invalid, Reply: invalid(author, perr), Reason: perr.Error()}
	case isRollback(e) && o.Rollback == nil:
		perr = errors.New("/rollback: the policy names no deploy.workflow to roll back with; roll back by hand, then post /mitigated rollback <what was done>")
		d = CommandDecision{Outcome: Invalid, Reply: invalid(author, perr), Reason: perr.Error()}
	case applied(f.Entries, comment.GetID()):
		return CommandDecision{Outcome: AlreadyDone, Entry: e}
	default:
		e.Source, e.Posted = comment.GetID(), comment.GetCreatedAt().Time.UTC()
		e.Message = message(draft(known{base: f.base, entries: f.Entries}, e, now), e, o)
		return CommandDecision{Outcome: Applied, Entry: e}
	}
	if slices.Contains(f.Replied, comment.GetID()) {
		d.Outcome = ReplyWritten
	}
	return d
}

// applied reports whether entries hold the entry of the command in comment id: the facts read
// every entry written after the command was posted, so a rerun finds it.
func applied(entries []Entry, id int64) bool {
	return id != 0 && slices.ContainsFunc(entries, func(e Entry) bool { return e.Source == id })
}

// apply appends the decided entry (none on a rerun), and syncs the issue with the log; on
// /resolve it opens the postmortem.
func apply(ctx context.Context, c *github.Client, repo Repo, number int, d CommandDecision, f CommandFacts, o Options) (Handled, error) {
	e := d.Entry
	out := Handled{Outcome: AlreadyDone, Type: e.Type, Entry: e}
	k := known{base: f.base, entries: f.Entries}
	// What the facts' read covered, not this run's own entry below: others may write between
	// the read and that entry, however long the run takes.
	k.read = latest(f.read, k.newest())
	if d.Outcome == Applied {
		cm, err := Append(ctx, c, repo, number, e)
		if err != nil {
			return out, err
		}
		if got, ok := FromComment(cm, o.Identity); ok {
			k.entries = append(slices.Clone(k.entries), got)
		}
		out.Outcome, out.Message = Applied, e.Message
	}
	var err error
	if out.Record, err = syncIssue(ctx, c, repo, f.Issue, k, o); err != nil {
		return out, err
	}
	if e.Type == Resolved && !out.Record.Open {
		out.Postmortem, err = openPostmortem(ctx, c, repo, out.Record, o)
	}
	return out, err
}

// draft is the record as it will be once e is appended: e comes after every entry so far.
func draft(k known, e Entry, now time.Time) Record {
	e.Time, e.ID = now, math.MaxInt64
	if newest := k.newest(); newest.After(e.Time) {
		e.Time = newest
	}
	k.entries = append(slices.Clone(k.entries), e)
	if r, ok := k.fold(); ok {
		return r
	}
	r := *k.base // the facts read the whole log when e comes before the base's last entry
	r.apply(e)
	return r
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
var replyMarker = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^<!-- hotfix:reply comment=([0-9]+) -->`) })

// replyTo reads which comment a reply by identity answers.
func replyTo(cm *github.IssueComment, identity string) (int64, bool) {
	if !strings.EqualFold(cm.GetUser().GetLogin(), identity) {
		return 0, false
	}
	m := replyMarker().FindStringSubmatch(cm.GetBody())
	if m == nil {
		return 0, false
	}
	id, err := strconv.ParseInt(m[1], 10, 64)
	return id, err == nil
}

// reply answers comment once with the decided reply.
func reply(ctx context.Context, c *github.Client, repo Repo, number int, comment *github.IssueComment, d CommandDecision) (Handled, error) {
	body := markdown.Truncate(fmt.Sprintf("<!-- hotfix:reply comment=%d -->\n%s", comment.GetID(), d.Reply))
	if _, _, err := c.Issues.CreateComment(ctx, repo.Owner, repo.Name, number, &github.IssueComment{Body: &body}); err != nil {
		return Handled{}, fmt.Errorf("reply on incident #%d: %w", number, gh.Explain(err))
	}
	return Handled{Outcome: d.Outcome, Reason: d.Reason}, nil
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

// mayCommand reports whether login has write access or above (gh.Permission: a 404 is none).
func mayCommand(ctx context.Context, c *github.Client, repo Repo, login string) (bool, error) {
	p, err := gh.Permission(ctx, c, repo.Owner, repo.Name, login)
	return gh.CanWrite(p), err
}
