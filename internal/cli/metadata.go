package cli

import (
	"flag"
	"io"
	"slices"
)

// TokenInput is the action input that carries the GitHub token. It is never a flag, so it can't
// show in a process list; every command that calls the API reads it, else GITHUB_TOKEN.
const TokenInput = "token"

// envInputs are the inputs a command reads from their INPUT_* variables itself, not through a
// flag. Run hands notify_webhook on to incident; identity (internal/identity.Input) names the
// login the toolkit writes as. A test finds every INPUT_ variable that the code reads and checks
// it is listed here.
var envInputs = map[string][]string{
	"run":      {"notify_webhook", "identity"},
	"incident": {"notify_webhook", "identity"},
	"remind":   {"identity"},
	"report":   {"identity"},
}

// runRoutes are the commands `hotfix run` may route an event to.
var runRoutes = []string{"guard", "release", "backport", "postmortem", "incident", "action-items", "remind"}

// Commands lists the names of the binary's commands, in the order help shows them.
func Commands() []string { return names() }

// Inputs lists the action inputs that command reads: one per flag in snake_case, then those it
// reads from the environment itself. The token input is not listed (see TokenInput). ok is false
// when the binary has no such command.
func Inputs(command string) (inputs []string, ok bool) {
	cmd, ok := lookup(command)
	if !ok {
		return nil, false
	}
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cmd.Flags(fs)
	fs.VisitAll(func(f *flag.Flag) { inputs = append(inputs, inputName(f.Name)) })
	return append(inputs, envInputs[command]...), true
}

// EnvInputs lists every input that some command reads from its INPUT_* variable itself.
func EnvInputs() []string {
	var all []string
	for _, ins := range envInputs {
		for _, in := range ins {
			if !slices.Contains(all, in) {
				all = append(all, in)
			}
		}
	}
	slices.Sort(all)
	return all
}
