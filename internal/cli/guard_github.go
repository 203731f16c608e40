package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// runGuard checks a push to, or a pull request from, a hotfix branch. With a token it works on
// GitHub: the policy from the base branch and the change set through the API, then a commit
// status, the PR comment, annotations and the step summary. Without one it checks the checkout,
// and says that nothing is written to GitHub.
func runGuard(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	if firstSet(env.Getenv("INPUT_TOKEN"), env.Getenv("GITHUB_TOKEN")) == "" {
		fmt.Fprintln(env.Stdout, "guard: no GitHub token, so the checkout is checked and no commit status or PR comment is written")
		return runLocalGuard(ctx, env, t, opts)
	}
	return runGitHubGuard(ctx, env, t, opts)
}

// guardTarget is what the guard judges on GitHub: a pull request, or a pushed commit compared
// with the production branch.
type guardTarget struct {
	base string              // the branch the hotfix merges into, whose policy applies
	head string              // the pushed commit, for a push
	pr   *github.PullRequest // the pull request as the payload has it, or nil for a push
}

// targetOf finds the target in the trigger; production is the routing policy's branch.
func targetOf(t event.Trigger, production string) (guardTarget, error) {
	if pr := t.PullRequest.GetPullRequest(); pr != nil {
		return guardTarget{base: pr.GetBase().GetRef(), pr: pr}, nil
	}
	if t.Push == nil || t.Push.GetAfter() == "" {
		return guardTarget{}, errors.New("the guard needs a push or a pull_request payload")
	}
	if production == "" {
		production = config.Default().Branches.Production
	}
	return guardTarget{base: production, head: t.Push.GetAfter()}, nil
}

// changeSet reads the target's change set: the PR's files, or compare for a push.
func (g guardTarget) changeSet(ctx context.Context, r remote) (change.Set, error) {
	if g.pr != nil {
		return change.FromPull(ctx, r.client, r.owner, r.name, g.pr.GetNumber())
	}
	return change.FromCompare(ctx, r.client, r.owner, r.name, g.base, g.head)
}

// heading names what was checked.
func (g guardTarget) heading(set change.Set, source string) guard.Heading {
	rng := fmt.Sprintf("%s...%.12s", g.base, set.HeadSHA)
	if g.pr != nil {
		rng = fmt.Sprintf("#%d %s...%s (%.12s)", g.pr.GetNumber(), g.base, set.Head, set.HeadSHA)
	}
	return guard.Heading{Range: rng, Policy: source}
}

// runGitHubGuard is the guard on GitHub: load, decide, apply the writes, report.
func runGitHubGuard(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	target, err := targetOf(t, opts.Policy.Branches.Production)
	if err != nil {
		return Usage(err)
	}
	rf := remoteFlags{repository: t.Repo.String(), apiURL: t.APIURL}
	r, err := rf.connect(ctx, env)
	if err != nil {
		return err
	}
	policy, source, err := mergePolicy(ctx, r, opts, target.base)
	if err != nil {
		return err
	}
	severity, err := guardSeverity(env.Getenv("INPUT_SEVERITY"), target.pr)
	if err != nil {
		return Usage(err)
	}
	set, err := target.changeSet(ctx, r)
	if err != nil {
		return fmt.Errorf("guard: read the change set: %w", gh.Explain(err))
	}
	res := guard.Check(set, policy.Guard, severity)
	ov, err := findOverride(ctx, r, target.pr, policy.Guard.OverrideLabel, res)
	if err != nil {
		return fmt.Errorf("guard: %w", gh.Explain(err))
	}
	res = ov.apply(res)
	out := guardOutcome{res: res, ov: ov, h: target.heading(set, source), sha: set.HeadSHA}
	out.notes, err = publish(ctx, r, t, target, out, opts.DryRun)
	return errors.Join(err, out.report(env))
}

// guardSeverity is the severity whose limits apply: the severity input, else the pull request's
// severity/P* label, else none.
func guardSeverity(input string, pr *github.PullRequest) (string, error) {
	if input = strings.TrimSpace(input); input != "" {
		if !slices.Contains(config.Severities, input) {
			return "", fmt.Errorf("input severity %q is not a severity; valid: %s", input, strings.Join(config.Severities, ", "))
		}
		return input, nil
	}
	if pr == nil {
		return "", nil
	}
	for _, l := range pr.Labels {
		name, ok := strings.CutPrefix(strings.ToLower(l.GetName()), "severity/")
		if sev := strings.ToUpper(name); ok && slices.Contains(config.Severities, sev) {
			return sev, nil
		}
	}
	return "", nil
}

// guardOutcome is the guard's result on GitHub with what was done about it.
type guardOutcome struct {
	res   guard.Result
	ov    override
	h     guard.Heading
	sha   string   // the head commit judged, which carries the status
	notes []string // what was written to GitHub, or why not
}

// report prints the result, annotates, writes the step summary and the outputs, as the local
// guard does, and adds the override and the writes to the summary.
func (o guardOutcome) report(env *Env) error {
	res := o.res
	if o.ov.granted {
		res.Verdict = "pass (overridden)"
	}
	err := (&guardCmd{}).report(env, res, o.h)
	for _, n := range o.notes {
		if strings.HasPrefix(n, "could not ") {
			warn(env, n) // a write refused for lack of permission: shown, not failed
			continue
		}
		fmt.Fprintln(env.Stdout, n)
	}
	rn := runner.New(env.Getenv, env.Stdout)
	if note := o.ov.note(); note != "" || len(o.notes) > 0 {
		if serr := rn.Summary(note + notesMarkdown(o.notes)); serr != nil {
			return errors.Join(err, serr)
		}
	}
	return err
}

// notesMarkdown lists the notes about GitHub writes for the step summary.
func notesMarkdown(notes []string) string {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString("\n- " + n)
	}
	return b.String() + "\n"
}
