// Command hotfix-guard is the guard on a checkout alone: `hotfix guard` without GitHub, for a
// pre-push hook or a CI step. It links no HTTP client, so it starts in about the time git does.
package main

import (
	"context"
	"os"

	"github.com/incident-hotfix/incident-hotfix/internal/exit"
	"github.com/incident-hotfix/incident-hotfix/internal/localguard"
	"github.com/incident-hotfix/incident-hotfix/internal/version"
)

// Version is stamped at build time with -ldflags "-X main.Version=v1.2.3".
var Version = ""

func main() {
	ctx, stop := exit.OnSignal(context.Background())
	dir, _ := os.Getwd()
	code := localguard.Main(ctx, os.Args[1:], localguard.IO{Getenv: os.Getenv, Stdout: os.Stdout, Stderr: os.Stderr, Dir: dir, Version: version.Of(Version)})
	stop()
	os.Exit(code)
}
