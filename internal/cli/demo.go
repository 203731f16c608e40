//go:build !noemulator

package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/incident-hotfix/incident-hotfix/internal/demo"
)

// demoCmd plays a whole hotfix on a sandbox, so a newcomer sees every step.
type demoCmd struct {
	dir  string
	keep bool
}

func (*demoCmd) Name() string { return "demo" }
func (*demoCmd) Synopsis() string {
	return "play a whole hotfix (guard, merge, tag, backport, postmortem) on a local GitHub sandbox"
}

func (c *demoCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.dir, "dir", "", "keep the sandbox's repository in this `dir` (default: a temporary one, removed after)")
	fs.BoolVar(&c.keep, "keep", false, "keep the sandbox serving after the story, until Ctrl-C")
}

func (c *demoCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; demo takes only --dir and --keep", args[0]))
	}
	dir := env.Path(c.dir)
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return Usage(fmt.Errorf("demo dir %s: %w", dir, err))
		}
	}
	return demo.Run(ctx, env.Stdout, demo.Options{Dir: dir, Keep: c.keep, Now: env.Now})
}
