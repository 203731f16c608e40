//go:build noemulator

package cli

// A build with -tags noemulator (the action image) has no sandbox and no demo command; see
// emulator_on.go.
var (
	sandboxCommand func() Command
	demoCommand    func() Command
)
