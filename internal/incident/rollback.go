package incident

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/google/go-github/v60/github"
)

// Rollback is the release a /rollback deployed, and the rule that chose it.
type Rollback struct {
	Tag  string
	Rule string
}

// Roller deploys the release tag for incident r's /rollback, or the last known good release when
// tag is empty. An error that wraps ErrRollback is the person's to fix, and gets a reply.
type Roller func(ctx context.Context, r Record, tag string) (Rollback, error)

// ErrRollback says that a /rollback can't be done as given, such as a TAG that is no release.
var ErrRollback = errors.New("rollback refused")

// versionLike finds a word that names a version, such as v1.2.3 or api/v2.0.1.
var versionLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[0-9]+\.[0-9]+\.[0-9]+`) })

// parseRollback reads `/rollback [TAG] [text]`: the first word is the tag when it names a version
// (v1.2.3); otherwise all of it is text, and the last known good release is deployed.
func parseRollback(args []string, more string, _ time.Time, _ Scale) (Entry, error) {
	e := Entry{Type: Mitigated, How: "rollback", Kind: "deploy"}
	skip := 0
	if len(args) > 0 && versionLike().MatchString(args[0]) {
		e.Name, skip = args[0], 1
		if strings.ContainsAny(e.Name, "`<>@~^:\\*?[") || len(e.Name) > 100 {
			return Entry{}, fmt.Errorf("%q is not a tag; give a release tag such as v1.2.3, or none for the last known good release", Clip(e.Name, 40))
		}
	}
	e.Text = textAfter(args, skip, more)
	return e, nil
}

// isRollback reports whether e is a /rollback's entry, which deploys before it is written; a
// /mitigated rollback only records one done by hand.
func isRollback(e Entry) bool {
	return e.Type == Mitigated && e.How == "rollback" && e.Kind == "deploy"
}

// rollback deploys the release that e names (or the last known good one) and returns e saying
// which release and why, with its message for people written again.
func rollback(ctx context.Context, d CommandDecision, number int, k known, o Options) (CommandDecision, error) {
	e := d.Entry
	r, _ := k.fold()
	r.Number = number
	got, err := o.Rollback(ctx, r, e.Name)
	if err != nil {
		return d, err
	}
	e.Name = got.Tag
	e.Text = strings.TrimSpace(fmt.Sprintf("Rolled back to %s (%s).\n%s", got.Tag, got.Rule, e.Text))
	e.Message = message(draft(k, e, o.Now().UTC()), e, o)
	d.Entry = e
	return d, nil
}

// refuseRollback answers a /rollback that can't be done with the reason.
func refuseRollback(ctx context.Context, c *github.Client, repo Repo, number int, comment *github.IssueComment, err error) (Handled, error) {
	reason := strings.TrimPrefix(err.Error(), ErrRollback.Error()+": ")
	d := CommandDecision{Outcome: Invalid, Reply: invalid(comment.GetUser().GetLogin(), errors.New("/rollback: "+reason)), Reason: reason}
	return reply(ctx, c, repo, number, comment, d)
}
