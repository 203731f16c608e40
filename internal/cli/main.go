// Package cli is the command table of the hotfix binary: flag and action-input binding, help text,
// exit codes, and the one place where a command's final error is printed.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// Main runs the command named by args[0] and returns the process exit code.
func Main(ctx context.Context, args []string, env *Env) int {
	if len(args) == 0 {
		writeHelp(env.Stderr)
		return ExitUsage
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "-help" {
		name = "help"
	}
	cmd, ok := lookup(name)
	if !ok {
		fmt.Fprintf(env.Stderr, "hotfix: unknown command %q; valid commands: %s\n", name, strings.Join(names(), ", "))
		return ExitUsage
	}
	fs := newFlagSet(cmd, env)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage // the flag package has printed the reason and the usage
	}
	if err := bindInputs(fs, env.Getenv); err != nil {
		return report(env, cmd.Name(), Usage(err))
	}
	env = forJSON(env, fs)
	return report(env, cmd.Name(), cmd.Run(ctx, env, fs.Args()))
}

// report prints a command's final error once, as an error annotation inside an action, and
// returns the exit code for it.
func report(env *Env, name string, err error) int {
	if err != nil && !errors.Is(err, ErrCheckFailed) {
		msg := fmt.Sprintf("hotfix %s: %v", name, err)
		if r := runner.New(env.Getenv, env.Stdout); r.Active() {
			r.Error(msg)
		} else {
			fmt.Fprintln(env.Stderr, msg)
		}
	}
	return exitCode(err)
}

// newFlagSet declares cmd's flags on a set that writes its usage to env.Stderr.
func newFlagSet(cmd Command, env *Env) *flag.FlagSet {
	fs := flag.NewFlagSet("hotfix "+cmd.Name(), flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	cmd.Flags(fs)
	fs.Usage = func() { writeCommandHelp(fs.Output(), cmd, fs) }
	return fs
}
