package incident

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// known is what a run knows of an incident's log: the record its summary kept (base, nil when
// the entries are the whole log) and the entries read or written since. read, when set, is the
// newest server time its reads of the log cover (an entry written after them is at most
// rescanSlack older); an entry this run wrote itself does not move it, since others may have
// written between the read and that entry, however long the run took.
type known struct {
	base    *Record
	entries []Entry
	read    time.Time
}

// covered is the time the log is known to be read up to: read, or when unset (a log this run
// did not read) the newest entry.
func (k known) covered() time.Time {
	if !k.read.IsZero() {
		return k.read
	}
	return k.newest()
}

// fold is the record the log makes as far as k knows it. ok is false when an entry must be
// folded before the base's last one: then only the whole log says.
func (k known) fold() (Record, bool) {
	if k.base == nil {
		return Fold(k.entries), true
	}
	return k.base.continued(k.entries)
}

// newest is the server time of the newest entry k knows.
func (k known) newest() time.Time {
	var newest time.Time
	if k.base != nil {
		newest = k.base.Newest
	}
	for _, e := range k.entries {
		if e.Time.After(newest) {
			newest = e.Time
		}
	}
	return newest
}

// add is k with the entries of fresh it has not seen; grew says whether there were any.
func (k known) add(fresh []Entry) (known, bool) {
	out, grew := k, false
	out.entries = slices.Clone(k.entries)
	for _, e := range fresh {
		if !slices.ContainsFunc(out.entries, func(x Entry) bool { return x.ID == e.ID }) && (k.base == nil || !k.base.folded(e)) {
			out.entries, grew = append(out.entries, e), true
		}
	}
	return out, grew
}

// tail is the log of issue as the command in comment needs it. When the toolkit opened the
// issue and its summary keeps the record (the state line), only the comments since rescanSlack
// before the record's newest entry are read, or before the command was posted when it is older
// (a rerun), so that its entry or reply is seen: one page for an incident updated as it goes,
// at any log length. The whole log is read when all is set (/resolve: the postmortem's
// timeline needs every event), when there is no record, when the command comes before the
// record's last entry, or when what was read can't be folded on top of the record.
func tail(ctx context.Context, c *github.Client, repo Repo, issue *github.Issue, comment *github.IssueComment, all bool, o Options) (known, []int64, error) {
	posted := comment.GetCreatedAt().Time.UTC()
	base, ok := fromSummary(issue.GetNumber(), issue.GetBody())
	if all || !ok || !strings.EqualFold(issue.GetUser().GetLogin(), o.Identity) || base.comesBefore(posted, comment.GetID()) {
		entries, replied, seen, err := scan(ctx, c, repo, issue.GetNumber(), o.Identity)
		return known{entries: entries, read: seen}, replied, err
	}
	from := base.Newest
	if posted.Before(from) {
		from = posted
	}
	fresh, replied, seen, err := scanSince(ctx, c, repo, issue.GetNumber(), o.Identity, from.Add(-rescanSlack))
	if err != nil {
		return known{}, nil, err
	}
	k := known{base: &base, entries: fresh, read: seen}
	if _, ok := k.fold(); !ok {
		entries, replied, seen, err := scan(ctx, c, repo, issue.GetNumber(), o.Identity)
		return known{entries: entries, read: seen}, replied, err
	}
	return k, replied, nil
}

// whole is k as the whole log when k can't be folded on top of its base: it reads the log again.
func whole(ctx context.Context, c *github.Client, repo Repo, number int, identity string, k known) (known, error) {
	if _, ok := k.fold(); ok {
		return k, nil
	}
	entries, _, seen, err := scan(ctx, c, repo, number, identity)
	return known{entries: entries, read: seen}, err
}
