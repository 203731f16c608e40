package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

// helpCmd prints the command list, or one command's options.
type helpCmd struct{}

func (*helpCmd) Name() string           { return "help" }
func (*helpCmd) Synopsis() string       { return "show the commands, or one command's options" }
func (*helpCmd) Flags(fs *flag.FlagSet) {}

func (*helpCmd) Run(_ context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		writeHelp(env.Stdout)
		return nil
	}
	cmd, ok := lookup(args[0])
	if !ok {
		return Usage(fmt.Errorf("unknown command %q; valid commands: %s", args[0], strings.Join(names(), ", ")))
	}
	fs := newFlagSet(cmd, env)
	writeCommandHelp(env.Stdout, cmd, fs)
	return nil
}

// writeHelp prints the command list, built from the table.
func writeHelp(w io.Writer) {
	fmt.Fprint(w, "hotfix runs a team's incident and hotfix process on GitHub.\n\nUsage: hotfix <command> [options]\n\nCommands:\n")
	width := 0
	for _, name := range names() {
		width = max(width, len(name))
	}
	for _, mk := range table {
		if mk == nil {
			continue
		}
		c := mk()
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.Name(), c.Synopsis())
	}
	fmt.Fprint(w, "\nRun 'hotfix help <command>' for a command's options. Inside an action, each option\n"+
		"also binds from the input of the same snake_case name (--max-lines from INPUT_MAX_LINES).\n"+
		"Exit codes: 0 ok, 1 a check failed or a runtime error, 2 a usage or config error.\n")
}

// writeCommandHelp prints one command's synopsis and options, with their action input names.
func writeCommandHelp(w io.Writer, cmd Command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "hotfix %s: %s\n\nOptions:\n", cmd.Name(), cmd.Synopsis())
	fs.VisitAll(func(f *flag.Flag) {
		kind, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  --%s %s\n", f.Name, kind)
		fmt.Fprintf(w, "        %s (input: %s", usage, inputName(f.Name))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, "; default %s", f.DefValue)
		}
		fmt.Fprint(w, ")\n")
	})
}
