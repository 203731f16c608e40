package sandbox

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// commitInfo is one commit as git log prints it.
type commitInfo struct {
	SHA, Tree                     string
	Parents                       []string
	AuthorName, AuthorEmail       string
	AuthorDate                    time.Time
	CommitterName, CommitterEmail string
	CommitterDate                 time.Time
	Message                       string
}

// logFormat prints a commitInfo's fields separated by NUL; with -z, commits are NUL-separated too.
const logFormat = "--format=%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B"

// logFields is how many fields logFormat prints per commit.
const logFields = 10

// log runs git log with args and parses the commits it prints.
func (g *gitRepo) log(args ...string) ([]commitInfo, error) {
	out, err := g.run(context.Background(), nil, append([]string{"log", "-z", logFormat}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("list commits: %w", err)
	}
	fields := strings.Split(string(out), "\x00")
	var infos []commitInfo
	for len(fields) >= logFields {
		infos = append(infos, parseCommit(fields[:logFields]))
		fields = fields[logFields:]
	}
	return infos, nil
}

// commit reads the one commit sha names; a missing commit is a 404.
func (g *gitRepo) commit(rev string) (commitInfo, error) {
	sha, err := g.resolve(rev)
	if err != nil {
		return commitInfo{}, err
	}
	infos, err := g.log("-1", sha)
	if err != nil || len(infos) == 0 {
		return commitInfo{}, fmt.Errorf("read commit %s: %v", sha, err)
	}
	return infos[0], nil
}

// parseCommit reads one commit's logFormat fields.
func parseCommit(f []string) commitInfo {
	aDate, _ := time.Parse(time.RFC3339, f[5])
	cDate, _ := time.Parse(time.RFC3339, f[8])
	return commitInfo{
		SHA: strings.TrimSpace(f[0]), Tree: f[1], Parents: strings.Fields(f[2]),
		AuthorName: f[3], AuthorEmail: f[4], AuthorDate: aDate.UTC(),
		CommitterName: f[6], CommitterEmail: f[7], CommitterDate: cDate.UTC(),
		Message: strings.TrimSuffix(f[9], "\n"),
	}
}
