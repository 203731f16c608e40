// Command hotfix runs a team's incident and hotfix process on GitHub, as an action or as a CLI.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/cli"
)

func main() {
	ctx, stop := context.WithCancel(context.Background())
	go cancelOnSignal(stop)
	dir, _ := os.Getwd()
	env := &cli.Env{Getenv: os.Getenv, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now, Dir: dir}
	code := cli.Main(ctx, os.Args[1:], env)
	stop()
	os.Exit(code)
}

// cancelOnSignal calls cancel on the first SIGINT or SIGTERM. It runs in its own goroutine, so
// that installing the handler (a goroutine and a thread of the runtime's) happens while the
// command waits on git or the network, not before it starts: a command that is done in a few
// milliseconds never pays for it, and a signal that comes before it is installed ends the
// process as it does any program.
func cancelOnSignal(cancel context.CancelFunc) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
	cancel()
}
