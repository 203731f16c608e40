package runner

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// newTest builds a Runner over env and returns it with the buffer that receives its commands.
func newTest(env map[string]string) (*Runner, *strings.Builder) {
	var log strings.Builder
	return New(func(k string) string { return env[k] }, &log), &log
}

// TestCommands: each workflow command is written byte for byte in GitHub's documented format.
func TestCommands(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		call func(r *Runner)
		want string
	}{
		{"notice", func(r *Runner) { r.Annotate(Annotation{Level: Notice, Message: "hi"}) }, "::notice::hi\n"},
		{"warning", func(r *Runner) { r.Annotate(Annotation{Level: Warning, Message: "hi"}) }, "::warning::hi\n"},
		{"error", func(r *Runner) { r.Annotate(Annotation{Level: Error, Message: "hi"}) }, "::error::hi\n"},
		{"unknown level is a notice", func(r *Runner) { r.Annotate(Annotation{Level: Level(9), Message: "hi"}) }, "::notice::hi\n"},
		{"Error helper", func(r *Runner) { r.Error("boom") }, "::error::boom\n"},
		{"empty message", func(r *Runner) { r.Annotate(Annotation{Level: Warning}) }, "::warning::\n"},
		{"file", func(r *Runner) { r.Annotate(Annotation{Level: Error, File: "a/b.go", Message: "m"}) }, "::error file=a/b.go::m\n"},
		{"line without file", func(r *Runner) { r.Annotate(Annotation{Level: Warning, Line: 3, Message: "m"}) }, "::warning line=3::m\n"},
		{"zero line is left out", func(r *Runner) { r.Annotate(Annotation{Level: Warning, File: "f", Line: 0, Message: "m"}) }, "::warning file=f::m\n"},
		{"negative line is left out", func(r *Runner) { r.Annotate(Annotation{Level: Warning, File: "f", Line: -1, Message: "m"}) }, "::warning file=f::m\n"},
		{"title", func(r *Runner) { r.Annotate(Annotation{Level: Notice, Title: "T", Message: "m"}) }, "::notice title=T::m\n"},
		{"file, line and title in order", func(r *Runner) {
			r.Annotate(Annotation{Level: Error, File: "x.yml", Line: 12, Title: "hotfix guard", Message: "bad"})
		}, "::error file=x.yml,line=12,title=hotfix guard::bad\n"},
		{"message escapes", func(r *Runner) {
			r.Annotate(Annotation{Level: Warning, Message: "100% done\r\nnext\nline: a, b %0A"})
		}, "::warning::100%25 done%0D%0Anext%0Aline: a, b %250A\n"},
		{"property escapes", func(r *Runner) {
			r.Annotate(Annotation{Level: Error, File: "C:\\a,b%.go", Title: "t: x, y\r\nz%", Message: "m"})
		}, "::error file=C%3A\\a%2Cb%25.go,title=t%3A x%2C y%0D%0Az%25::m\n"},
		{"message cannot forge a command", func(r *Runner) {
			r.Annotate(Annotation{Level: Notice, Message: "x\n::add-mask::y"})
		}, "::notice::x%0A::add-mask::y\n"},
		{"mask", func(r *Runner) { r.Mask("s3cr%t\nv") }, "::add-mask::s3cr%25t%0Av\n"},
		{"empty mask is skipped", func(r *Runner) { r.Mask("") }, ""},
		{"group", func(r *Runner) { r.Group("Step 1: a, b\n") }, "::group::Step 1: a, b%0A\n"},
		{"endgroup", func(r *Runner) { r.EndGroup() }, "::endgroup::\n"},
		{"sequence", func(r *Runner) {
			r.Group("g")
			r.Annotate(Annotation{Level: Warning, File: "f", Line: 1, Message: "w"})
			r.EndGroup()
		}, "::group::g\n::warning file=f,line=1::w\n::endgroup::\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, log := newTest(map[string]string{"GITHUB_ACTIONS": "true"})
			if !r.Active() {
				t.Fatal("Active() = false with GITHUB_ACTIONS=true")
			}
			tt.call(r)
			if got := log.String(); got != tt.want {
				t.Errorf("wrote %q, want %q", got, tt.want)
			}
		})
	}
}

// TestInactive: without GITHUB_ACTIONS=true no workflow command is written.
func TestInactive(t *testing.T) {
	t.Parallel()
	for _, value := range []string{"", "false", "TRUE", "1", "true "} {
		r, log := newTest(map[string]string{"GITHUB_ACTIONS": value})
		if r.Active() {
			t.Errorf("GITHUB_ACTIONS=%q: Active() = true", value)
		}
		r.Annotate(Annotation{Level: Error, File: "f", Line: 1, Title: "t", Message: "m"})
		r.Error("e")
		r.Mask("secret")
		r.Group("g")
		r.EndGroup()
		if log.Len() != 0 {
			t.Errorf("GITHUB_ACTIONS=%q: wrote %q, want nothing", value, log.String())
		}
	}
}

// readOutputs parses an output file the way the runner does: "name<<delim", then the value's
// lines up to a line that is exactly delim.
func readOutputs(t *testing.T, data string) (names, values []string) {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		name, delim, ok := strings.Cut(sc.Text(), "<<")
		if !ok {
			t.Fatalf("output line %q is not a heredoc header", sc.Text())
		}
		var lines []string
		closed := false
		for sc.Scan() {
			if sc.Text() == delim {
				closed = true
				break
			}
			lines = append(lines, sc.Text())
		}
		if !closed {
			t.Fatalf("output %s: delimiter %q never closes; file %q", name, delim, data)
		}
		names = append(names, name)
		values = append(values, strings.Join(lines, "\n"))
	}
	return names, values
}

var delimiterRE = regexp.MustCompile(`^ghadelimiter_[0-9a-f]{32}$`)

// TestSetOutput: each value reads back exactly through a heredoc with a fresh random delimiter.
func TestSetOutput(t *testing.T) {
	t.Parallel()
	values := []string{
		"",
		"pass",
		"two\nlines",
		"trailing newline\n",
		"\nleading newline",
		"a<<b",
		"<<EOF\nEOF\n<<",
		"ghadelimiter_ but not the one",
		"100% : , ::error::x",
	}
	for _, v := range values {
		t.Run(v, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "output")
			r, log := newTest(map[string]string{"GITHUB_OUTPUT": out})
			if err := r.SetOutput("result", v); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			header, _, _ := strings.Cut(string(data), "\n")
			if delim := strings.TrimPrefix(header, "result<<"); !delimiterRE.MatchString(delim) {
				t.Errorf("header %q: delimiter %q is not ghadelimiter_ and 32 hex digits", header, delim)
			}
			if !strings.HasSuffix(string(data), "\n") {
				t.Errorf("output file %q does not end in a newline", data)
			}
			names, got := readOutputs(t, string(data))
			if len(names) != 1 || names[0] != "result" || got[0] != v {
				t.Errorf("read back %q = %q, want [result] = [%q]; file %q", names, got, v, data)
			}
			if log.Len() != 0 {
				t.Errorf("SetOutput wrote %q to the log", log.String())
			}
		})
	}
}

// TestSetOutputAppends: later outputs are appended with their own delimiters, and the file
// keeps what was there before.
func TestSetOutputAppends(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "output")
	if err := os.WriteFile(out, []byte("earlier<<E\nkept\nE\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, _ := newTest(map[string]string{"GITHUB_OUTPUT": out})
	if err := r.SetOutput("a", "1\n2"); err != nil {
		t.Fatal(err)
	}
	if err := r.SetOutput("b", "x<<y"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	names, values := readOutputs(t, string(data))
	if strings.Join(names, " ") != "earlier a b" || strings.Join(values, "|") != "kept|1\n2|x<<y" {
		t.Errorf("read back %q = %q; file %q", names, values, data)
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 6 || lines[3] == lines[6] {
		t.Errorf("two outputs share a delimiter: file %q", data)
	}
}

// TestWriteOutput: the exact heredoc bytes, and a name or value holding the delimiter is
// refused with nothing written.
func TestWriteOutput(t *testing.T) {
	t.Parallel()
	const delim = "ghadelimiter_0123"
	tests := []struct {
		name, key, value string
		want             string
		err              string
	}{
		{"single line", "verdict", "pass", "verdict<<ghadelimiter_0123\npass\nghadelimiter_0123\n", ""},
		{"multi-line", "list", "a\nb\n", "list<<ghadelimiter_0123\na\nb\n\nghadelimiter_0123\n", ""},
		{"empty", "e", "", "e<<ghadelimiter_0123\n\nghadelimiter_0123\n", ""},
		{"value holds the delimiter", "v", "x\nghadelimiter_0123\ny", "", `output v: value contains the delimiter "ghadelimiter_0123"`},
		{"name holds the delimiter", "n" + delim, "x", "", `output name "nghadelimiter_0123" contains the delimiter "ghadelimiter_0123"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "output")
			err := writeOutput(out, tt.key, tt.value, delim)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Errorf("error = %v, want %q", err, tt.err)
				}
				if _, statErr := os.Stat(out); !errors.Is(statErr, os.ErrNotExist) {
					t.Errorf("the output file was created after a refusal: %v", statErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if data, err := os.ReadFile(out); err != nil || string(data) != tt.want {
				t.Errorf("file = %q, %v; want %q", data, err, tt.want)
			}
		})
	}
}

// TestSummary: the markdown is appended with a trailing newline, as go-githubactions did.
func TestSummary(t *testing.T) {
	t.Parallel()
	sum := filepath.Join(t.TempDir(), "summary")
	r, log := newTest(map[string]string{"GITHUB_STEP_SUMMARY": sum})
	if err := r.Summary("# Title\n\n| a | b |"); err != nil {
		t.Fatal(err)
	}
	if err := r.Summary("100% <b>done</b>"); err != nil {
		t.Fatal(err)
	}
	want := "# Title\n\n| a | b |\n100% <b>done</b>\n"
	if data, err := os.ReadFile(sum); err != nil || string(data) != want {
		t.Errorf("summary = %q, %v; want %q", data, err, want)
	}
	if log.Len() != 0 {
		t.Errorf("Summary wrote %q to the log", log.String())
	}
}

// TestFilesUnset: without GITHUB_OUTPUT or GITHUB_STEP_SUMMARY nothing is written and no
// error is returned, inside a runner or not.
func TestFilesUnset(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, env := range []map[string]string{{}, {"GITHUB_ACTIONS": "true"}} {
		r, log := newTest(env)
		if err := r.SetOutput("a", "b"); err != nil {
			t.Errorf("SetOutput with env %v: %v", env, err)
		}
		if err := r.Summary("s"); err != nil {
			t.Errorf("Summary with env %v: %v", env, err)
		}
		if log.Len() != 0 {
			t.Errorf("env %v: wrote %q to the log", env, log.String())
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files were created: %v", entries)
	}
}

// TestUnwritableFile: a path that cannot be written is an error naming the path, not a panic.
func TestUnwritableFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such", "dir", "file")
	for _, path := range []string{dir, missing} {
		r, _ := newTest(map[string]string{"GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": path, "GITHUB_STEP_SUMMARY": path})
		for what, err := range map[string]error{
			"SetOutput":  r.SetOutput("a", "b"),
			"Summary":    r.Summary("s"),
			"SetOutputs": r.SetOutputs("guard", []string{"a"}, map[string]string{"a": "b"}),
		} {
			if err == nil || !strings.Contains(err.Error(), "write to the runner's file: ") || !strings.Contains(err.Error(), path) {
				t.Errorf("%s to %s: error = %v, want one that names the file", what, path, err)
			}
		}
	}
}

func TestWriteJSON(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := WriteJSON(&b, map[string]any{"verdict": "pass", "files": []int{1}}); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"files\": [\n    1\n  ],\n  \"verdict\": \"pass\"\n}\n"; b.String() != want {
		t.Errorf("WriteJSON = %q, want %q", b.String(), want)
	}
	if err := WriteJSON(&b, func() {}); err == nil {
		t.Error("WriteJSON of a func: no error")
	}
}
