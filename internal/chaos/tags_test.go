package chaos

import (
	"fmt"
	"net/http"
	"os/exec"
	"slices"
	"strings"
	"sync"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// tagWatch records every target each tag ref has had: after every request that may write, it
// lists the bare repository's tags with git, so a tag moved or deleted by any route shows, even
// when the response that did it was lost.
type tagWatch struct {
	dir  string
	mu   sync.Mutex
	seen map[string][]string // tag ref → each distinct target in order, "" when it vanished
	err  error
}

// after wraps h so that the tags are listed once h has served a request that may write.
func (w *tagWatch) after(h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(rw, r)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.look()
		}
	})
}

// look lists the tags now and records what changed.
func (w *tagWatch) look() {
	cmd := exec.Command("git", "for-each-ref", "--format=%(refname) %(objectname)", "refs/tags/")
	cmd.Dir, cmd.Env = w.dir, gittest.Env
	out, err := cmd.Output()
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		w.err = fmt.Errorf("list tags in %s: %w", w.dir, err)
		return
	}
	now := map[string]string{}
	for line := range strings.Lines(string(out)) {
		ref, target, _ := strings.Cut(strings.TrimSpace(line), " ")
		now[ref] = target
	}
	for ref, target := range now {
		w.note(ref, target)
	}
	for ref := range w.seen {
		if _, ok := now[ref]; !ok {
			w.note(ref, "")
		}
	}
}

// note appends target to ref's history when it differs from the last one.
func (w *tagWatch) note(ref, target string) {
	h := w.seen[ref]
	if len(h) == 0 || h[len(h)-1] != target {
		w.seen[ref] = append(h, target)
	}
}

// moved lists every tag whose ref ever pointed at more than one object or vanished.
func (w *tagWatch) moved() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for ref, h := range w.seen {
		if len(h) > 1 {
			out = append(out, fmt.Sprintf("%s: %s", ref, strings.Join(h, " → ")))
		}
	}
	if w.err != nil {
		out = append(out, w.err.Error())
	}
	slices.Sort(out)
	return out
}
