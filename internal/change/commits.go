package change

import (
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/git"
)

// logRange is what one git log says of base...head: the commits in base..head, oldest first,
// and, when it can tell, head and the merge base.
type logRange struct {
	commits         []Commit
	head, mergeBase string
}

// logArgs is the one git log behind a change set's commits.
func logArgs(base, head string) []string {
	return []string{"log", "--topo-order", "--reverse", "--right-only", "--boundary", "-z", "--format=%m%H%x00%P%x00%s",
		"--no-show-signature", "--no-color", "--end-of-options", base + "..." + head, "--"}
}

// rangeLog lists base..head, oldest first (parents before children), each with its parents and
// subject, from `git log --right-only --boundary base...head`. The boundary commits are the
// ones the range's commits have as parents outside it; every merge base is one of them, so a
// single boundary commit is the merge base. Head is the last commit listed. With no commit or
// several boundary commits, head and mergeBase are left empty.
func rangeLog(log *git.Process) (logRange, error) {
	out, err := log.Output()
	if err != nil {
		return logRange{}, err
	}
	marked, err := parseCommits(string(out))
	if err != nil {
		return logRange{}, err
	}
	r := logRange{commits: []Commit{}}
	var bounds []string
	for _, c := range marked {
		if len(c.SHA) < 2 {
			return logRange{}, fmt.Errorf("git log: a commit without its mark and name: %q", c.SHA)
		}
		mark, sha := c.SHA[:1], c.SHA[1:]
		if c.SHA = sha; mark == "-" {
			bounds = append(bounds, sha)
			continue
		}
		r.commits = append(r.commits, c)
	}
	if len(bounds) == 1 && len(r.commits) > 0 {
		r.head, r.mergeBase = r.commits[len(r.commits)-1].SHA, bounds[0]
	}
	return r, nil
}

// parseCommits reads the NUL-separated fields that commits asks git log for: SHA, parents, subject.
func parseCommits(out string) ([]Commit, error) {
	fields := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
	if out == "" {
		return []Commit{}, nil
	}
	if len(fields)%3 != 0 {
		return nil, fmt.Errorf("git log: %d fields, not a multiple of 3", len(fields))
	}
	commits := make([]Commit, 0, len(fields)/3)
	for i := 0; i < len(fields); i += 3 {
		commits = append(commits, Commit{
			SHA:     fields[i],
			Parents: strings.Fields(fields[i+1]),
			Subject: fields[i+2],
		})
	}
	return commits, nil
}
