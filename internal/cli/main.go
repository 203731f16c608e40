// Package cli is the command table of the hotfix binary: flag and action-input binding, help text,
// exit codes, and the one place where a command's final error is printed.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/exit"
)

// Main runs the command named by args[0] and returns the process exit code.
func Main(ctx context.Context, args []string, env *Env) int {
	if len(args) == 0 {
		writeHelp(env.Stderr)
		return ExitUsage
	}
	name := args[0]
	switch name {
	case "-h", "--help", "-help":
		name = "help"
	case "--version", "-version":
		name = "version"
	}
	cmd, ok := lookup(name)
	if !ok {
		fmt.Fprintf(env.Stderr, "hotfix: unknown command %q; valid commands: %s\n", name, strings.Join(names(), ", "))
		return ExitUsage
	}
	fs := newFlagSet(cmd, env)
	rest, err := parseAnywhere(fs, args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage // the flag package has printed the reason and the usage
	}
	if err := bindInputs(fs, env.Getenv); err != nil {
		return report(env, cmd.Name(), Usage(err))
	}
	env = commandsEnv(env, fs)
	return report(env, cmd.Name(), cmd.Run(ctx, env, rest))
}

// parseAnywhere parses the flags wherever they stand among args, so that `hotfix incident
// declare --json` means what `hotfix incident --json declare` does: the flag package stops at
// the first argument that is not a flag, so parsing goes on after each one. Everything after
// "--" is an argument. It returns the arguments.
func parseAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		used := len(args) - fs.NArg()
		stopped := used > 0 && args[used-1] == "--"
		if args = fs.Args(); len(args) == 0 || stopped {
			return append(rest, args...), nil
		}
		rest, args = append(rest, args[0]), args[1:]
	}
}

// report prints a command's final error once, as an error annotation inside an action, and
// returns the exit code for it.
func report(env *Env, name string, err error) int {
	return exit.Report(env.Stderr, env.runner(), name, err)
}

// newFlagSet declares cmd's flags on a set that writes its usage to env.Stderr.
func newFlagSet(cmd Command, env *Env) *flag.FlagSet {
	fs := flag.NewFlagSet("hotfix "+cmd.Name(), flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	cmd.Flags(fs)
	fs.Usage = func() { writeCommandHelp(fs.Output(), cmd, fs) }
	return fs
}

// commandsEnv sends the workflow commands to stderr when the command prints JSON (--json), so
// that stdout carries only the document.
func commandsEnv(env *Env, fs *flag.FlagSet) *Env {
	if f := fs.Lookup("json"); f == nil || f.Value.String() != "true" {
		return env
	}
	e := *env
	e.Commands = env.Stderr
	return &e
}
