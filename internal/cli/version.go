package cli

import (
	"context"
	"flag"
	"fmt"

	buildversion "github.com/incident-hotfix/incident-hotfix/internal/version"
)

// Version is stamped at build time with -ldflags "-X .../internal/cli.Version=v1.2.3".
var Version = ""

// versionCmd prints the binary's version.
type versionCmd struct{}

func (*versionCmd) Name() string           { return "version" }
func (*versionCmd) Synopsis() string       { return "print the version of this binary" }
func (*versionCmd) Flags(fs *flag.FlagSet) {}

func (*versionCmd) Run(_ context.Context, env *Env, _ []string) error {
	fmt.Fprintf(env.Stdout, "hotfix %s\n", version())
	return nil
}

// version is the stamped version, else the module version from go install, else "dev".
func version() string { return buildversion.Of(Version) }
