// Package version names the build a binary came from.
package version

import "runtime/debug"

// Of is stamp when the build stamped one (-ldflags "-X ...=v1.2.3"), else the module version
// that go install recorded, else "dev".
func Of(stamp string) string {
	if stamp != "" {
		return stamp
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
