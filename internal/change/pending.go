package change

import (
	"context"
	"errors"
)

// Pending is a change set being read in the background (Begin), so that a command can read its
// policy meanwhile: on a hotfix-sized range, starting the git processes, not the diff, is the
// cost, and the policy is then read (from the repository's files, or by its own git process
// where they can't answer) while they run instead of before them.
type Pending struct {
	repoDir, base, head string
	cancel              context.CancelFunc
	done                chan struct{}
	set                 Set
	err                 error
}

// Begin starts reading base...head in repoDir as FromGit does, and returns at once. With base
// "" it starts nothing, and Set reads the range when asked. Call Stop when done.
func Begin(ctx context.Context, repoDir, base, head string) *Pending {
	p := &Pending{repoDir: repoDir, base: base, head: head, cancel: func() {}}
	if base == "" {
		return p
	}
	ctx, p.cancel = context.WithCancel(ctx)
	p.done = make(chan struct{})
	if err := errors.Join(CheckRef("base", base), CheckRef("head", head)); err != nil {
		p.err = err
		close(p.done)
		return p
	}
	// The processes start here, before the caller starts its own (the policy's), so the diff,
	// the longest, runs first; only their reading is in the background.
	r := repo{dir: repoDir}.start(ctx, base, head)
	go func() {
		defer close(p.done)
		p.set, p.err = r.set(ctx)
	}()
	return p
}

// Set returns the change base...head: the one begun, when base is the base it was begun with;
// otherwise (the base resolved to another ref) it drops that one and reads the range now.
func (p *Pending) Set(ctx context.Context, base string) (Set, error) {
	if p.done != nil && base == p.base {
		<-p.done
		return p.set, p.err
	}
	p.Stop()
	return FromGit(ctx, p.repoDir, base, p.head)
}

// Stop cancels the read if it is still running and waits for its git processes to end.
func (p *Pending) Stop() {
	p.cancel()
	if p.done != nil {
		<-p.done
	}
}
