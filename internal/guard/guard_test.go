package guard

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// file is a modified file with the given counts.
func file(path string, add, del int) change.File {
	return change.File{Path: path, Status: change.Modified, Additions: add, Deletions: del}
}

// commits makes n single-parent commits.
func commits(n int) []change.Commit {
	out := make([]change.Commit, n)
	for i := range out {
		out[i] = change.Commit{SHA: "c0ffee", Parents: []string{"p"}, Subject: "fix"}
	}
	return out
}

// files makes n one-line modifications.
func files(n int) []change.File {
	out := make([]change.File, n)
	for i := range out {
		out[i] = file("src/f"+string(rune('a'+i%26))+".go", 1, 0)
	}
	return out
}

func TestRules(t *testing.T) {
	t.Parallel()
	base := config.Default().Guard
	allowSrc := base
	allowSrc.Allow = []string{"src/**"}
	noDefaults := base
	no := false
	noDefaults.DefaultDeny = &no
	warnRenames := base
	warnRenames.Rules = map[string]config.Level{"no-renames": config.LevelWarn}
	offRenames := base
	offRenames.Rules = map[string]config.Level{"no-renames": config.LevelOff}
	offBinary := base
	offBinary.Rules = map[string]config.Level{"no-binary": config.LevelOff}

	tests := []struct {
		name     string
		files    []change.File
		commits  []change.Commit
		guard    config.Guard
		severity string
		want     []Finding
		verdict  string
	}{
		{name: "small fix passes", files: []change.File{file("src/a.go", 3, 1)}, commits: commits(1), guard: base, verdict: Pass},
		{name: "max-lines at the limit passes", files: []change.File{file("src/a.go", 150, 50)}, guard: base, verdict: Pass},
		{name: "max-lines over the limit fails", files: []change.File{file("src/a.go", 150, 51)}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "max-lines", Message: "201 changed lines (+150 -51) exceed the limit of 200", Level: config.LevelError}}},
		{name: "P0 override allows more lines", files: []change.File{file("src/a.go", 300, 100)}, guard: base, severity: "P0", verdict: Pass},
		{name: "P2 has no override", files: []change.File{file("src/a.go", 300, 100)}, guard: base, severity: "P2", verdict: Fail,
			want: []Finding{{Rule: "max-lines", Message: "400 changed lines (+300 -100) exceed the limit of 200", Level: config.LevelError}}},
		{name: "max-files at the limit passes", files: files(10), guard: base, verdict: Pass},
		{name: "max-files over the limit fails", files: files(11), guard: base, verdict: Fail,
			want: []Finding{{Rule: "max-files", Message: "11 changed files exceed the limit of 10", Level: config.LevelError}}},
		{name: "max-commits at the limit passes", files: files(1), commits: commits(10), guard: base, verdict: Pass},
		{name: "max-commits over the limit fails", files: files(1), commits: commits(11), guard: base, verdict: Fail,
			want: []Finding{{Rule: "max-commits", Message: "11 commits exceed the limit of 10", Level: config.LevelError}}},
		{name: "default deny catches a lockfile", files: []change.File{file("web/package-lock.json", 1, 1)}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "deny", Path: "web/package-lock.json", Message: `web/package-lock.json matches the deny glob "**/package-lock.json"`, Level: config.LevelError}}},
		{name: "default deny catches workflows", files: []change.File{file(".github/workflows/ci.yml", 1, 1)}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "deny", Path: ".github/workflows/ci.yml", Message: `.github/workflows/ci.yml matches the deny glob ".github/workflows/**"`, Level: config.LevelError}}},
		{name: "deny sees a rename's old path", files: []change.File{{Path: "old.sql", OldPath: "db/migrate/1.sql", Status: change.Renamed, Similarity: 100}}, guard: offRenames, verdict: Fail,
			want: []Finding{{Rule: "deny", Path: "old.sql", Message: `db/migrate/1.sql matches the deny glob "**/migrate/**"`, Level: config.LevelError}}},
		{name: "default_deny false lets go.mod through", files: []change.File{file("go.mod", 1, 1)}, guard: noDefaults, verdict: Pass},
		{name: "allow list passes a file inside it", files: []change.File{file("src/x/y.go", 1, 1)}, guard: allowSrc, verdict: Pass},
		{name: "allow list fails a file outside it", files: []change.File{file("docs/a.md", 1, 1)}, guard: allowSrc, verdict: Fail,
			want: []Finding{{Rule: "allow", Path: "docs/a.md", Message: "docs/a.md is outside the allow list (src/**)", Level: config.LevelError}}},
		{name: "deny wins over allow and is reported once", files: []change.File{file("src/go.mod", 1, 1)}, guard: allowSrc, verdict: Fail,
			want: []Finding{{Rule: "deny", Path: "src/go.mod", Message: `src/go.mod matches the deny glob "**/go.mod"`, Level: config.LevelError}}},
		{name: "no-renames fails a rename", files: []change.File{{Path: "b.go", OldPath: "a.go", Status: change.Renamed, Similarity: 97}}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "no-renames", Path: "b.go", Message: "renamed from a.go (97% similar); moving code is a refactoring", Level: config.LevelError}}},
		{name: "no-renames fails a rename of unknown similarity", files: []change.File{{Path: "b.go", OldPath: "a.go", Status: change.Renamed}}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "no-renames", Path: "b.go", Message: "renamed from a.go; moving code is a refactoring", Level: config.LevelError}}},
		{name: "no-renames fails a copy", files: []change.File{{Path: "b.go", OldPath: "a.go", Status: change.Copied, Similarity: 100}}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "no-renames", Path: "b.go", Message: "copied from a.go (100% similar); duplicating code is a refactoring", Level: config.LevelError}}},
		{name: "no-renames at warn level passes with a warning", files: []change.File{{Path: "b.go", OldPath: "a.go", Status: change.Renamed, Similarity: 97}}, guard: warnRenames, verdict: Pass,
			want: []Finding{{Rule: "no-renames", Path: "b.go", Message: "renamed from a.go (97% similar); moving code is a refactoring", Level: config.LevelWarn}}},
		{name: "no-whitespace-only fails a reformat", files: []change.File{{Path: "a.go", Status: change.Modified, Additions: 2, Deletions: 2, WhitespaceOnly: true}}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "no-whitespace-only", Path: "a.go", Message: "only whitespace changed; reformatting is unrelated to the fix", Level: config.LevelError}}},
		{name: "no-binary fails a binary file", files: []change.File{{Path: "logo.png", Status: change.Modified, Binary: true}}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "no-binary", Path: "logo.png", Message: "binary file; its change can't be reviewed line by line", Level: config.LevelError}}},
		{name: "no-binary off passes a binary file", files: []change.File{{Path: "logo.png", Status: change.Modified, Binary: true}}, guard: offBinary, verdict: Pass},
		{name: "no-mode-change fails a chmod", files: []change.File{{Path: "run.sh", Status: change.Modified, OldMode: "100644", NewMode: "100755"}}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "no-mode-change", Path: "run.sh", Message: "file mode changed from 100644 to 100755", Level: config.LevelError}}},
		{name: "a new file's mode is no mode change", files: []change.File{{Path: "run.sh", Status: change.Added, NewMode: "100755", Additions: 1}}, guard: base, verdict: Pass},
		{name: "no-deletions fails a deleted file", files: []change.File{{Path: "old.go", Status: change.Deleted, Deletions: 5}}, guard: base, verdict: Fail,
			want: []Finding{{Rule: "no-deletions", Path: "old.go", Message: "file deleted; removing code belongs in a normal change", Level: config.LevelError}}},
		{name: "no-merge-commits fails a merge", files: files(1), guard: base, verdict: Fail,
			commits: []change.Commit{{SHA: "0123456789abcdef0123", Parents: []string{"a", "b"}, Subject: "Merge branch 'develop'"}},
			want:    []Finding{{Rule: "no-merge-commits", Message: `commit 0123456789ab "Merge branch 'develop'" is a merge; it brings in another branch's changes`, Level: config.LevelError}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Check(change.Set{Files: tt.files, Commits: tt.commits}, tt.guard, tt.severity)
			want := tt.want
			if want == nil {
				want = []Finding{}
			}
			if diff := cmp.Diff(got.Findings, want); diff != "" {
				t.Errorf("findings (-got +want):\n%s", diff)
			}
			if got.Verdict != tt.verdict {
				t.Errorf("verdict = %q, want %q", got.Verdict, tt.verdict)
			}
		})
	}
}

func TestIncompleteFailsClosed(t *testing.T) {
	t.Parallel()
	got := Check(change.Set{Files: files(1), Incomplete: "compare lists at most 300 files"}, config.Default().Guard, "")
	if got.Verdict != Fail || len(got.Findings) != 1 || got.Findings[0].Rule != "complete" {
		t.Fatalf("Check on an incomplete set = %+v, want one failing %q finding", got, "complete")
	}
}

func TestTotals(t *testing.T) {
	t.Parallel()
	got := Check(change.Set{Files: []change.File{file("a", 3, 2), file("b", 4, 0)}, Commits: commits(2)}, config.Default().Guard, "P0")
	want := Result{Verdict: Pass, ChangedFiles: 2, Additions: 7, Deletions: 2, Commits: 2, Severity: "P0",
		Limits: config.Limits{MaxLines: 500, MaxFiles: 25, MaxCommits: 20}, Findings: []Finding{}}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Check (-got +want):\n%s", diff)
	}
	if got.ChangedLines() != 9 {
		t.Errorf("ChangedLines = %d, want 9", got.ChangedLines())
	}
}
