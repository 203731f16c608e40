package change

import (
	"context"
	"fmt"
	"strings"
)

// commits lists base..head, oldest first, each with its parents and subject.
func (g repo) commits(ctx context.Context, base, head string) ([]Commit, error) {
	out, err := g.output(ctx, "log", "--reverse", "-z", "--format=%H%x00%P%x00%s",
		"--no-show-signature", "--no-color", "--end-of-options", base+".."+head, "--")
	if err != nil {
		return nil, err
	}
	return parseCommits(string(out))
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
