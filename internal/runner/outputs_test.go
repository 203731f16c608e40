package runner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSetOutputs: declared outputs are written in their declared order; an undeclared one is an
// error that names it and the declared ones, and then nothing is written.
func TestSetOutputs(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "output")
	env := map[string]string{"GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": out}
	r := New(func(k string) string { return env[k] }, &strings.Builder{})
	err := r.SetOutputs("guard", []string{"verdict", "changed_files"}, map[string]string{"verdict": "pass", "bogus": "x", "extra": "y"})
	if err == nil || err.Error() != "hotfix guard writes the undeclared outputs bogus, extra; declared: verdict, changed_files" {
		t.Errorf("SetOutputs of undeclared outputs = %v", err)
	}
	if data, _ := os.ReadFile(out); len(data) != 0 {
		t.Errorf("an output was written after the error: %q", data)
	}
	if err := r.SetOutputs("guard", []string{"verdict", "changed_files"}, map[string]string{"changed_files": "2", "verdict": "pass"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil || strings.Index(string(data), "verdict") > strings.Index(string(data), "changed_files") || !strings.Contains(string(data), "pass") {
		t.Errorf("outputs = %q, %v; want verdict, then changed_files", data, err)
	}
}
