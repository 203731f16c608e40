// Command hotfix runs a team's incident and hotfix process on GitHub, as an action or as a CLI.
package main

import (
	"context"
	"os"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/exit"
)

func main() {
	ctx, stop := exit.OnSignal(context.Background())
	dir, _ := os.Getwd()
	env := &cli.Env{Getenv: os.Getenv, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now, Dir: dir}
	code := cli.Main(ctx, os.Args[1:], env)
	stop()
	os.Exit(code)
}
