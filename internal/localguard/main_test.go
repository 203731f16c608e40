package localguard

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/exit"
)

// TestMainWithoutARepository: the options that need no repository (version, help) and a wrong
// option, each with its exit code and what it prints where.
func TestMainWithoutARepository(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                 string
		args                 []string
		code                 int
		stdout, stderr, none string
	}{
		{"version", []string{"--version"}, exit.OK, "hotfix-guard v9.9.9\n", "", ""},
		{"help", []string{"-h"}, exit.OK, "", "Usage: hotfix-guard [options]", "--version"},
		{"help names every option", []string{"--help"}, exit.OK, "", "--max-commits limit", ""},
		{"unknown option", []string{"--max-linez", "3"}, exit.Bad, "", "flag provided but not defined: -max-linez", ""},
		{"not a number", []string{"--max-lines", "many"}, exit.Bad, "", `invalid value "many" for flag -max-lines`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := Main(context.Background(), tt.args, IO{Getenv: func(string) string { return "" }, Stdout: &stdout, Stderr: &stderr, Dir: t.TempDir(), Version: "v9.9.9"})
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, stderr.String())
			}
			if tt.stdout != stdout.String() && !(tt.stdout == "" && stdout.Len() == 0) {
				t.Errorf("stdout = %q, want %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr.String())
			}
			if tt.none != "" && strings.Contains(stdout.String(), tt.none) {
				t.Errorf("stdout has %q:\n%s", tt.none, stdout.String())
			}
		})
	}
}
