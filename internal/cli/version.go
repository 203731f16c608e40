package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"
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
func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
