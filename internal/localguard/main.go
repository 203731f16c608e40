package localguard

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/exit"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// IO is what hotfix-guard is given by its process.
type IO struct {
	Getenv         func(string) string
	Stdout, Stderr io.Writer
	Dir            string // the working directory
	Version        string
}

// Main is hotfix-guard: the guard on a checkout as a command of its own. It takes the options of
// `hotfix guard`, prints the same verdict and exits with the same codes; it reads no action
// inputs (INPUT_*), being no action's entry point.
func Main(ctx context.Context, args []string, env IO) int {
	var f Flags
	fs := flag.NewFlagSet("hotfix-guard", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	f.Define(fs)
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() { writeHelp(fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exit.OK
		}
		return exit.Bad // the flag package has printed the reason and the usage
	}
	if *showVersion {
		fmt.Fprintf(env.Stdout, "hotfix-guard %s\n", env.Version)
		return exit.OK
	}
	log := env.Stdout
	if f.JSON {
		log = env.Stderr // stdout carries only the document
	}
	r := runner.New(env.Getenv, log)
	return exit.Report(env.Stderr, r, "guard", run(ctx, f, fs.Args(), env, r))
}

// run checks the options and runs the guard.
func run(ctx context.Context, f Flags, args []string, env IO, r *runner.Runner) error {
	if len(args) > 0 {
		return exit.Usage(fmt.Errorf("unexpected argument %q; give refs with --base and --head", args[0]))
	}
	c, err := f.Check(env.Dir)
	if err != nil {
		return err
	}
	res := f.Policies(env.Dir)
	return Run(ctx, c, Env{
		ReadPolicy: func(ctx context.Context, base string) (config.Policy, config.Source, error) {
			return ReadPolicy(ctx, res, base)
		},
		Out: env.Stdout, Runner: r,
	})
}

// writeHelp prints what hotfix-guard does and its options.
func writeHelp(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprintf(w, "hotfix-guard: %s, on a checkout.\n\n", Synopsis)
	fmt.Fprint(w, "It is `hotfix guard` without GitHub: the policy from the base branch (or --config), the\n"+
		"change set from git. Exit 0 pass, 1 fail, 2 a wrong option, policy, repository or ref.\n\n"+
		"Usage: hotfix-guard [options]\n\nOptions:\n")
	fs.VisitAll(func(fl *flag.Flag) {
		kind, usage := flag.UnquoteUsage(fl)
		fmt.Fprintf(w, "  %s\n        %s", strings.TrimSpace("--"+fl.Name+" "+kind), usage)
		if fl.DefValue != "" && fl.DefValue != "false" && fl.DefValue != "0" {
			fmt.Fprintf(w, " (default %s)", fl.DefValue)
		}
		fmt.Fprintln(w)
	})
}
