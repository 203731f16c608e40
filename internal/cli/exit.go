package cli

import "github.com/incident-hotfix/incident-hotfix/internal/exit"

// Exit codes, the same for every command (internal/exit).
const (
	ExitOK     = exit.OK
	ExitFailed = exit.Failed
	ExitUsage  = exit.Bad
)

// ErrCheckFailed says that the command already reported a failed check; Main exits 1 and prints
// nothing more.
var ErrCheckFailed = exit.ErrCheckFailed

// Usage marks err as a usage or configuration error (exit 2). It returns nil for nil.
func Usage(err error) error { return exit.Usage(err) }
