package cli

import (
	"flag"
	"io"
	"slices"
)

// TokenInput is the action input that carries the GitHub token. It is never a flag, so it can't
// show in a process list; every command that calls the API reads it, else GITHUB_TOKEN.
const TokenInput = "token"

// runPassThrough are the inputs that `hotfix run` does not read itself but hands on to the commands
// it routes to: each is an input of one of those commands, as a test checks.
var runPassThrough = []string{"severity", "max_lines", "max_files", "max_commits"}

// runRoutes are the commands `hotfix run` may route an event to.
var runRoutes = []string{"guard", "release", "backport", "postmortem", "incident", "action-items", "remind"}

// Commands lists the names of the binary's commands, in the order help shows them.
func Commands() []string { return names() }

// Inputs lists the action inputs that command binds, one per flag in snake_case, plus for run the
// inputs it hands on to the commands it routes to. The token input is not listed (see TokenInput).
// ok is false when the binary has no such command.
func Inputs(command string) (inputs []string, ok bool) {
	cmd, ok := lookup(command)
	if !ok {
		return nil, false
	}
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cmd.Flags(fs)
	fs.VisitAll(func(f *flag.Flag) { inputs = append(inputs, InputName(f.Name)) })
	if command == "run" {
		inputs = append(inputs, runPassThrough...)
	}
	return inputs, true
}

// RunRoutes lists the commands that `hotfix run` may route an event to.
func RunRoutes() []string { return slices.Clone(runRoutes) }

// RunPassThrough lists the inputs that `hotfix run` hands on to the commands it routes to.
func RunPassThrough() []string { return slices.Clone(runPassThrough) }
