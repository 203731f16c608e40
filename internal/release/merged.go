package release

import (
	"errors"
	"fmt"
	"io"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// ConfigFor is the release configuration under policy p: its tag prefix and branch globs, and
// DefaultTagger.
func ConfigFor(p config.Policy) Config {
	return Config{Prefix: p.Release.Prefix, Branches: Branches{Maintenance: p.Branches.Release, Hotfix: p.Branches.Hotfix}, Tagger: DefaultTagger}
}

// Merged is a merged pull request as `hotfix release` is told of it.
type Merged struct {
	Number     int
	Title, SHA string // SHA is the merge commit, which gets the tag
	Base, Head string
	Incident   int // the incident issue's number, linked from the tag message; 0 for none
}

// Input is the release's input for the merge in repo, its links under server, GitHub's web
// address.
func (m Merged) Input(server string, repo Repo) Input {
	web := fmt.Sprintf("%s/%s/%s", server, repo.Owner, repo.Name)
	in := Input{Repo: repo, PR: &github.PullRequest{
		Number: github.Int(m.Number), Title: github.String(m.Title), Merged: github.Bool(true),
		MergeCommitSHA: github.String(m.SHA), HTMLURL: github.String(fmt.Sprintf("%s/pull/%d", web, m.Number)),
		Base: &github.PullRequestBranch{Ref: github.String(m.Base)}, Head: &github.PullRequestBranch{Ref: github.String(m.Head)},
	}}
	if m.Incident > 0 {
		in.IncidentURL = fmt.Sprintf("%s/issues/%d", web, m.Incident)
	}
	return in
}

// OutputNames are the step outputs of `hotfix release`, in order.
func OutputNames() []string { return []string{"tag", "previous_tag", "sha"} }

// Report prints the result, as JSON or for people, and writes the outputs tag, previous_tag and
// sha and the job summary.
func Report(w io.Writer, r *runner.Runner, res Result, asJSON bool) error {
	if asJSON {
		if err := runner.WriteJSON(w, res); err != nil {
			return err
		}
	} else {
		res.WriteText(w)
	}
	return errors.Join(r.SetOutputs("release", OutputNames(), res.Outputs()), r.Summary(res.Markdown()))
}
