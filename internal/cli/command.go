package cli

import (
	"context"
	"flag"
)

// Command is one `hotfix` subcommand. Each lives in a file of its own and is listed in table.
type Command interface {
	// Name is the word that selects the command.
	Name() string
	// Synopsis is one line for the command list.
	Synopsis() string
	// Flags declares the command's options on fs. Flag names are kebab-case; each one also binds
	// from the action input of the same name in snake_case (INPUT_MAX_LINES for --max-lines).
	Flags(fs *flag.FlagSet)
	// Run does the work. It returns nil, ErrCheckFailed once the failure is reported, an error
	// marked with Usage for bad input, or any other error for a runtime failure.
	Run(ctx context.Context, env *Env, args []string) error
}

// table lists every command, in the order help shows them. Each entry makes a fresh command, so a
// run never sees another run's flag values. A nil entry is a command this build leaves out.
var table = []func() Command{
	func() Command { return &runCmd{} },
	func() Command { return &guardCmd{} },
	func() Command { return &verifyCmd{} },
	func() Command { return &initCmd{} },
	func() Command { return &releaseCmd{} },
	func() Command { return &backportCmd{} },
	func() Command { return &postmortemCmd{} },
	func() Command { return &incidentCmd{} },
	sandboxCommand, // nil in the action image (emulator_off.go)
	demoCommand,
	func() Command { return &actionItemsCmd{} },
	func() Command { return &remindCmd{} },
	func() Command { return &reportCmd{} },
	func() Command { return &statusPageCmd{} },
	func() Command { return &versionCmd{} },
	func() Command { return &helpCmd{} },
}

// lookup finds the command called name.
func lookup(name string) (Command, bool) {
	for _, mk := range table {
		if mk == nil {
			continue
		}
		if c := mk(); c.Name() == name {
			return c, true
		}
	}
	return nil, false
}

// names lists the command names, for errors and help.
func names() []string {
	out := make([]string, 0, len(table))
	for _, mk := range table {
		if mk != nil {
			out = append(out, mk().Name())
		}
	}
	return out
}
