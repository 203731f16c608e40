package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// initBytes and initAllocs are the most that one package of this module may allocate in its
// initialisers. Every command pays for every package's initialisers when the binary starts, so a
// regular expression or template that only some command needs is built on first use
// (sync.OnceValue), not in a package-level var: compiling one costs dozens to hundreds of
// allocations, where a literal table costs a few. Allocations are counted, not timed: they do
// not depend on the machine.
const (
	initBytes  = 8 << 10
	initAllocs = 40
)

// initLine is one line of GODEBUG=inittrace=1: the package, its clock time, bytes and allocs.
var initLine = regexp.MustCompile(`^init (\S+) @\S+ ms, (\S+) ms clock, (\d+) bytes, (\d+) allocs$`)

// TestInitIsLazy runs the binary with GODEBUG=inittrace=1 and checks each of this module's
// packages against initBytes and initAllocs.
func TestInitIsLazy(t *testing.T) {
	t.Parallel()
	bin := build(t)
	cmd := exec.Command(bin, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hotfix version: %v\n%s", err, out)
	}
	seen := 0
	for _, line := range strings.Split(string(out), "\n") {
		m := initLine.FindStringSubmatch(line)
		if m == nil || !strings.HasPrefix(m[1], "github.com/incident-hotfix/incident-hotfix/") {
			continue
		}
		seen++
		bytes, _ := strconv.Atoi(m[3])
		allocs, _ := strconv.Atoi(m[4])
		if bytes > initBytes || allocs > initAllocs {
			t.Errorf("%s allocates %d bytes in %d allocations in its initialisers, over %d bytes or %d allocations: build what only some command needs on first use",
				m[1], bytes, allocs, initBytes, initAllocs)
		}
	}
	if seen == 0 {
		t.Fatalf("no initialiser of this module in the trace:\n%s", out)
	}
}
