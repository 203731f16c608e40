package sandbox

import (
	"context"
	"strings"
)

// defaultBranch is the repository's default branch: the branch the bare repository's HEAD names.
// When that branch does not exist but others do, as after a first push of master into a
// repository made with main, HEAD moves to the branch GitHub would take (main, else master, else
// the first by name), as GitHub makes the first branch pushed the default.
// https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-branches-in-your-repository/changing-the-default-branch
func (g *gitRepo) defaultBranch() string {
	ctx := context.Background()
	out, err := g.run(ctx, nil, "symbolic-ref", "--short", "HEAD")
	head := strings.TrimSpace(string(out))
	if err != nil || head == "" {
		head = "main"
	}
	if _, err := g.resolve("refs/heads/" + head); err == nil {
		return head
	}
	branches, err := g.refs("refs/heads/")
	if err != nil || len(branches) == 0 {
		return head
	}
	pick := strings.TrimPrefix(branches[0].name, "refs/heads/")
	for _, want := range []string{"master", "main"} {
		for _, b := range branches {
			if b.name == "refs/heads/"+want {
				pick = want
			}
		}
	}
	if _, err := g.run(ctx, nil, "symbolic-ref", "HEAD", "refs/heads/"+pick); err != nil {
		return head
	}
	return pick
}
