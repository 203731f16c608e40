package prguard

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
)

// overrideQuery is what findOverride needs: the pull request as the event has it, the policy's
// override label, the guard's result, the event that started the run (its action and label), and
// the login the toolkit writes as, whose guard comment records which commit an override covers.
type overrideQuery struct {
	PR     *github.PullRequest
	Label  string
	Result guard.Result
	// Action and ActionLabel are the pull_request event's action and label: a run for the
	// labeled event of the override label sees the head the label was applied to.
	Action, ActionLabel string
	Author              func(context.Context) (string, error)
	// Head is the commit the guard judged (the PR's head when it read the files), which may be
	// newer than the event's; the override must cover that one.
	Head string
}

// bindingRe reads the line of the guard's comment that binds an override label event to the head
// commit it was applied to.
var bindingRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<!-- hotfix:guard-override event=([0-9]+) sha=([0-9a-f]{40}) -->`)
})

// bindingLine is the hidden line that records the binding in the guard's comment, so that later
// runs know which commit the label covers; "" when there is none.
func (o Override) bindingLine() string {
	if o.event == 0 || o.sha == "" {
		return ""
	}
	return fmt.Sprintf("<!-- hotfix:guard-override event=%d sha=%s -->\n", o.event, o.sha)
}

// boundSHA is the head commit the override label event was applied to: the event's own payload
// when this run is for that labeled event, else the binding a run of it recorded in the guard's
// comment; "" when no run recorded it.
func boundSHA(ctx context.Context, r Repo, q overrideQuery, event int64) (string, error) {
	if q.Action == "labeled" && strings.EqualFold(q.ActionLabel, q.Label) {
		return q.PR.GetHead().GetSHA(), nil
	}
	if q.Author == nil {
		return "", nil
	}
	login, err := q.Author(ctx)
	if err != nil {
		return "", err
	}
	c, found, err := findComment(ctx, r, q.PR.GetNumber(), login)
	if err != nil || !found {
		return "", err
	}
	for _, m := range bindingRe().FindAllStringSubmatch(c.GetBody(), -1) {
		if id, _ := strconv.ParseInt(m[1], 10, 64); id == event {
			return m[2], nil
		}
	}
	return "", nil
}

// lapseNote explains an override applied by a writer that does not cover the head commit.
func (o Override) lapseNote(label, who string) string {
	if o.sha == "" {
		return fmt.Sprintf("\n> [!CAUTION]\n> **Override lapsed.** The label %s was applied by %s, but no guard run recorded which commit it was given for, so it covers none and the failures stand. A collaborator with write access can remove the label and apply it again to cover `%.12s`.\n",
			label, who, o.head)
	}
	return fmt.Sprintf("\n> [!CAUTION]\n> **Override lapsed.** The label %s was applied by %s for commit `%.12s`; the head is now `%.12s`, pushed since, so the override does not cover it and the failures stand. A collaborator with write access can remove the label and apply it again to cover this commit.\n",
		label, who, o.sha, o.head)
}
