//go:build e2e

package containertest

import (
	"fmt"
	"log"
	"os"
	"testing"
)

// image is the reference the per-command actions run, built from this checkout by TestMain.
var image string

// TestMain starts the engine and builds the image once for every test. When either fails, every
// test fails with the reason: the suite never skips.
func TestMain(m *testing.M) {
	os.Exit(setUp(m))
}

func setUp(m *testing.M) int {
	logf := log.New(os.Stderr, "containertest: ", log.Ltime).Printf
	eng, err := startEngine(logf)
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: no Docker engine for the container tests: %v\n", err)
		return 1
	}
	defer eng.stop()
	if image, err = publishedImage(); err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: %v\n", err)
		return 1
	}
	if err := buildImage(image, logf); err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: build the image: %v\n", err)
		return 1
	}
	return m.Run()
}
