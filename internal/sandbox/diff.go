package sandbox

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/go-github/v60/github"
)

// emptyTree is git's well-known empty tree, the "parent" of a root commit.
const emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

// diffStatus maps git's raw status letters to GitHub's file statuses.
var diffStatus = map[byte]string{
	'A': "added", 'D': "removed", 'M': "modified", 'R': "renamed", 'C': "copied", 'T': "changed",
}

// diffFiles lists the files changed from the merge base of base and head to head (base...head),
// the way compare and pull requests count them.
func (g *gitRepo) diffFiles(base, head string) ([]*github.CommitFile, error) {
	headSHA, err := g.resolve(head)
	if err != nil {
		return nil, err
	}
	return g.diff(headSHA, base+"..."+headSHA)
}

// commitFiles lists the files a commit changed against its first parent (or the empty tree).
func (g *gitRepo) commitFiles(ci commitInfo) ([]*github.CommitFile, error) {
	from := emptyTree
	if len(ci.Parents) > 0 {
		from = ci.Parents[0]
	}
	return g.diff(ci.SHA, from, ci.SHA)
}

// diff runs git diff with rangeArgs, with renames found, and returns GitHub's file entries; head
// is the commit the URLs point into.
func (g *gitRepo) diff(head string, rangeArgs ...string) ([]*github.CommitFile, error) {
	ctx := context.Background()
	raw, err := g.run(ctx, nil, append([]string{"diff", "--raw", "-z", "-M", "--no-abbrev", "--end-of-options"}, rangeArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("diff %s: %w", strings.Join(rangeArgs, " "), err)
	}
	num, err := g.run(ctx, nil, append([]string{"diff", "--numstat", "-z", "-M", "--end-of-options"}, rangeArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("diff %s: %w", strings.Join(rangeArgs, " "), err)
	}
	files := parseRaw(string(raw))
	counts := parseNumstat(string(num))
	for _, f := range files {
		c := counts[f.GetFilename()]
		f.Additions, f.Deletions, f.Changes = github.Int(c[0]), github.Int(c[1]), github.Int(c[0]+c[1])
		g.fileURLs(f, head)
	}
	return files, nil
}

// fileURLs sets a file entry's blob, raw and contents URLs at commit head.
func (g *gitRepo) fileURLs(f *github.CommitFile, head string) {
	name := f.GetFilename()
	f.BlobURL = github.String(g.html("blob/%s/%s", head, name))
	f.RawURL = github.String(g.html("raw/%s/%s", head, name))
	f.ContentsURL = github.String(g.api("contents/%s?ref=%s", name, head))
}

// parseRaw reads `git diff --raw -z` output: ":MODE MODE SHA SHA STATUS\0PATH\0[PATH\0]".
func parseRaw(out string) []*github.CommitFile {
	fields := strings.Split(out, "\x00")
	var files []*github.CommitFile
	for i := 0; i+1 < len(fields); i++ {
		meta := strings.Fields(strings.TrimPrefix(fields[i], ":"))
		if len(meta) < 5 {
			continue
		}
		code := meta[4][0]
		f := &github.CommitFile{SHA: github.String(meta[3]), Status: github.String(diffStatus[code])}
		if code == 'D' {
			f.SHA = github.String(meta[2])
		}
		if code == 'R' || code == 'C' {
			f.PreviousFilename = github.String(fields[i+1])
			i++
		}
		f.Filename = github.String(fields[i+1])
		i++
		files = append(files, f)
	}
	return files
}

// parseNumstat reads `git diff --numstat -z` output into additions and deletions per new path.
// Binary files count as 0 and 0, as on GitHub.
func parseNumstat(out string) map[string][2]int {
	fields := strings.Split(out, "\x00")
	counts := map[string][2]int{}
	for i := 0; i < len(fields); i++ {
		parts := strings.SplitN(fields[i], "\t", 3)
		if len(parts) < 3 {
			continue
		}
		path := parts[2]
		if path == "" && i+2 < len(fields) {
			path = fields[i+2]
			i += 2
		}
		add, _ := strconv.Atoi(parts[0])
		del, _ := strconv.Atoi(parts[1])
		counts[path] = [2]int{add, del}
	}
	return counts
}
