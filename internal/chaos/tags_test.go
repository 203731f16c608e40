//go:build e2e

package chaos

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
)

// Every target a tag ref ever had is recorded by git itself: the world's bare repository logs
// every ref update (core.logAllRefUpdates=always), so a tag's reflog holds one line per target,
// and a tag never moved has exactly one. Deleting a ref deletes its reflog too, so tagMoves also
// lists every request that asked the API to update or delete a tag ref, from the sandbox's
// request log, which records each request that reached it, its response lost or not.

// tagMoves lists the requests that updated or deleted a tag ref.
func tagMoves(w *world) []string {
	var out []string
	for _, r := range w.Server.RequestLog() {
		if (r.Method == http.MethodPatch || r.Method == http.MethodDelete) && strings.Contains(r.Path, "/git/refs/tags/") {
			out = append(out, fmt.Sprintf("%s %s → %d", r.Method, r.Path, r.Status))
		}
	}
	return out
}

// tagTargets maps each tag to the commit it names, read with git in the bare repository.
func tagTargets(t testing.TB, w *world) map[string]string {
	t.Helper()
	out := map[string]string{}
	for line := range strings.Lines(w.Git("for-each-ref", "--format=%(refname:short) %(*objectname)%(if)%(*objectname)%(then)%(else)%(objectname)%(end)", "refs/tags/")) {
		name, target, _ := strings.Cut(strings.TrimSpace(line), " ")
		out[name] = target
	}
	return out
}

// mergeCommits lists the PRs' merge commits.
func mergeCommits(prs []*github.PullRequest) []string {
	var out []string
	for _, pr := range prs {
		out = append(out, pr.GetMergeCommitSHA())
	}
	return out
}

// orphanTags counts the annotated tag objects in the repository that no tag ref points at. A
// release whose tag-object write lost its response writes the object again, so the first one
// stays behind. That is harmless, and the suite accepts it: such an object is unreachable, so
// no ref, API listing, fetch or clone shows it, and git's garbage collection removes it.
func orphanTags(t testing.TB, w *world) int {
	t.Helper()
	objects := 0
	for line := range strings.Lines(w.Git("cat-file", "--batch-all-objects", "--batch-check=%(objecttype)")) {
		if strings.TrimSpace(line) == "tag" {
			objects++
		}
	}
	return objects - len(tagTargets(t, w))
}
