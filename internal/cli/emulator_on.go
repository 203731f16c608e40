//go:build !noemulator

package cli

// The sandbox and the demo, which serve GitHub's API from a git repository on this machine. The
// action image is built with -tags noemulator and leaves them out (emulator_off.go): an action
// never runs them, and the emulator is a fifth of the binary's own code.
var (
	sandboxCommand = func() Command { return &sandboxCmd{} }
	demoCommand    = func() Command { return &demoCmd{} }
)
