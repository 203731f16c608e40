//go:build !unix

package verify

import "os/exec"

// ownGroup leaves cmd as it is: without process groups, cancelling kills only the shell.
func ownGroup(cmd *exec.Cmd) {}

// killGroup does nothing without process groups.
func killGroup(cmd *exec.Cmd) error { return nil }
