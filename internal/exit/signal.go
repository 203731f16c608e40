package exit

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// OnSignal returns a context that the first SIGINT or SIGTERM cancels, and its cancel. The
// handler is installed from a goroutine of its own, so that installing it (the runtime starts a
// goroutine and a thread for signals) overlaps the command's work, waiting on git or the network,
// instead of delaying its start: a command done in a few milliseconds never pays for it, and a
// signal that comes before it is installed ends the process as it ends any program.
func OnSignal(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(c)
		select {
		case <-c:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}
