package git

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// policyHistory makes a repository whose policy changed in each of n commits (so a packed
// repository holds it as deltas), with the refs a checkout has: a remote-tracking branch and
// its symbolic HEAD, local branches, an annotated and a lightweight tag, and a tag that looks
// like a remote-tracking branch.
func policyHistory(t *testing.T, n int) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	for i := range n {
		r.Commit(fmt.Sprint("policy ", i), map[string]string{
			".github/hotfix.yml":           gittest.Lines(fmt.Sprint("rule ", i%3), 40+i),
			"src/app.go":                   gittest.Lines("app", 200+i),
			fmt.Sprintf("docs/%d.md", i%5): fmt.Sprint("doc ", i, "\n"),
		})
		if i == n/2 {
			r.Git("branch", "release/1.x")
			r.Git("tag", "-a", "-m", "one", "v1.0.0")
			r.Git("tag", "v1.0.0-light")
		}
	}
	r.Git("update-ref", "refs/remotes/origin/main", r.Git("rev-parse", "main"))
	r.Git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
	r.Git("tag", "refs/remotes/origin/gone", r.Git("rev-parse", "release/1.x"))
	return r
}

// requests are the names to ask of a repository: every ref and every commit, peeled, with the
// paths to the policy, plus names that are not there.
func requests(t *testing.T, r *gittest.Repo) []string {
	t.Helper()
	names := []string{"refs/heads/nope", "refs/heads/nope^{commit}", "refs/remotes/origin/gone^{commit}", "refs/heads^{commit}"}
	for _, ref := range strings.Fields(r.Git("for-each-ref", "--format=%(refname)")) {
		names = append(names, ref, ref+"^{commit}")
	}
	for _, c := range strings.Fields(r.Git("rev-list", "--all")) {
		names = append(names, c, c+"^{commit}", c+":", c+":.github", c+":.github/hotfix.yml", c+":src", c+":nope", c+":.github/nope")
		tree := r.Git("rev-parse", c+"^{tree}")
		names = append(names, tree, tree+":.github", tree+"^{commit}")
	}
	tag := r.Git("rev-parse", "refs/tags/v1.0.0")
	return append(names, tag, tag+"^{commit}", tag+":.github")
}

// agree asks Files and git for each name and fails on any answer they give differently. It
// returns how many the files answered.
func agree(t *testing.T, dir string, names []string) int {
	t.Helper()
	f, err := OpenFiles(dir)
	if err != nil {
		t.Fatalf("OpenFiles(%s): %v", dir, err)
	}
	defer f.Close()
	b, err := StartBatch(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	answered := 0
	for _, name := range names {
		got, gotFound, err := f.get(name)
		if errors.Is(err, errUnsupported) {
			continue
		}
		want, wantFound, wantErr := b.Get(name)
		if err != nil || wantErr != nil {
			t.Fatalf("%s: files %v, git %v", name, err, wantErr)
		}
		if diff := cmp.Diff(want, got); diff != "" || gotFound != wantFound {
			t.Errorf("%s: files found %t, git %t (-git +files):\n%s", name, gotFound, wantFound, diff)
		}
		answered++
	}
	return answered
}

// TestFilesAgreeWithGit: for every ref, commit, tree and path of a repository, what the files
// answer is what `git cat-file --batch` answers, loose, packed with deltas, packed again with
// new loose objects on top, in a linked worktree, in a bare clone and from a subdirectory.
func TestFilesAgreeWithGit(t *testing.T) {
	t.Parallel()
	r := policyHistory(t, 30)
	names := requests(t, r)
	check := func(stage, dir string) {
		t.Helper()
		answered := agree(t, dir, names)
		t.Logf("%s: the files answered %d of %d", stage, answered, len(names))
		if answered < len(names)*9/10 {
			t.Errorf("%s: the files answered %d of %d requests; want nearly all", stage, answered, len(names))
		}
	}
	check("loose", r.Dir)
	r.Git("gc", "-q", "--aggressive")
	if _, err := os.Stat(filepath.Join(r.Dir, ".git", "packed-refs")); err != nil {
		t.Fatalf("gc left no packed-refs: %v", err)
	}
	check("packed", r.Dir)
	r.Commit("after the pack", map[string]string{".github/hotfix.yml": "guard:\n  max_lines: 3\n"})
	r.Git("update-ref", "refs/remotes/origin/main", r.Git("rev-parse", "main"))
	names = requests(t, r)
	check("packed and loose", r.Dir)
	r.Git("repack", "-q", "-a", "-d", "--depth=250", "--window=250")
	check("repacked deep", r.Dir)
	if chains := r.Git("verify-pack", "-s", packIn(t, r.Dir)); !strings.Contains(chains, "chain length = 2") {
		t.Fatalf("the pack has no delta chains to read:\n%s", chains)
	}
	r.Git("-c", "repack.useDeltaBaseOffset=false", "repack", "-q", "-a", "-d", "-f")
	check("deltas named by object (REF_DELTA)", r.Dir)
	check("a subdirectory", filepath.Join(r.Dir, "src"))
	worktree := filepath.Join(t.TempDir(), "wt")
	r.Git("worktree", "add", "-q", worktree, "release/1.x")
	check("a linked worktree", worktree)
	bare := filepath.Join(t.TempDir(), "bare.git")
	r.Git("clone", "-q", "--bare", r.Dir, bare)
	check("a bare clone", bare)
}

// packIn is the one pack's index of the repository in dir.
func packIn(t *testing.T, dir string) string {
	t.Helper()
	idx, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*.idx"))
	if len(idx) != 1 {
		t.Fatalf("%d pack indexes in %s, want 1", len(idx), dir)
	}
	return idx[0]
}

// TestFilesRefuseWhatTheyDoNotRead: a layout the files do not read is left to git, whole.
func TestFilesRefuseWhatTheyDoNotRead(t *testing.T) {
	r := policyHistory(t, 3)
	layouts := map[string]func(t *testing.T) string{
		"alternates": func(t *testing.T) string {
			d := filepath.Join(t.TempDir(), "shared")
			r.Git("clone", "-q", "--shared", r.Dir, d)
			return d
		},
		"replace refs": func(t *testing.T) string {
			d := filepath.Join(t.TempDir(), "replaced")
			r.Git("clone", "-q", r.Dir, d)
			runGit(t, d, "replace", runGit(t, d, "rev-parse", "HEAD~1"), runGit(t, d, "rev-parse", "HEAD~2"))
			return d
		},
		"SHA-256 objects": func(t *testing.T) string {
			d := t.TempDir()
			runGit(t, d, "init", "-q", "--object-format=sha256")
			return d
		},
		"not a repository": func(t *testing.T) string { return t.TempDir() },
	}
	for name, make := range layouts {
		dir := make(t)
		if _, err := OpenFiles(dir); !errors.Is(err, errUnsupported) {
			t.Errorf("%s: OpenFiles = %v, want errUnsupported", name, err)
		}
	}
	t.Setenv("GIT_DIR", filepath.Join(r.Dir, ".git"))
	if _, err := OpenFiles(r.Dir); !errors.Is(err, errUnsupported) {
		t.Errorf("with GIT_DIR set: OpenFiles = %v, want errUnsupported", err)
	}
}

// TestFilesNeverReturnACorruptObject: a pack with a byte changed anywhere in it is either read
// right (the byte was not in what was asked) or refused; never read wrong.
func TestFilesNeverReturnACorruptObject(t *testing.T) {
	t.Parallel()
	r := policyHistory(t, 12)
	r.Git("gc", "-q", "--aggressive")
	packs := []string{strings.TrimSuffix(packIn(t, r.Dir), ".idx") + ".pack"}
	good, err := os.ReadFile(packs[0])
	if err != nil {
		t.Fatal(err)
	}
	policy := r.Git("rev-parse", "main:.github/hotfix.yml")
	want := r.Git("cat-file", "blob", policy) + "\n"
	refused := 0
	for off := 12; off < len(good)-20; off += len(good) / 97 {
		bad := append([]byte(nil), good...)
		bad[off] ^= 0x5a
		if err := os.WriteFile(packs[0], bad, 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := OpenFiles(r.Dir)
		if err != nil {
			t.Fatal(err)
		}
		obj, found, err := f.get(policy)
		f.Close()
		switch {
		case errors.Is(err, errUnsupported):
			refused++
		case err != nil || !found || string(obj.Data) != want:
			t.Fatalf("byte %d changed: read %q, %t, %v; want the policy or a refusal", off, obj.Data, found, err)
		}
	}
	if err := os.WriteFile(packs[0], good, 0o644); err != nil {
		t.Fatal(err)
	}
	if refused == 0 {
		t.Error("no change to the pack was noticed; the test changes bytes the policy is not read from")
	}
}

// TestObjectsStartGitOnlyWhenAsked: Objects answers from the files with no process, and starts
// git for a name the files don't read (an ancestry step), which then answers the rest.
func TestObjectsStartGitOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	r := policyHistory(t, 3)
	o := OpenObjects(context.Background(), r.Dir)
	defer o.Close()
	if obj, found, err := o.Get("refs/remotes/origin/main^{commit}"); err != nil || !found || obj.ID != r.Git("rev-parse", "main") || !o.FromFiles() {
		t.Fatalf("Get(origin/main) = %v, %t, %v, from the files %t", obj.ID, found, err, o.FromFiles())
	}
	if obj, found, err := o.Get("main~1"); err != nil || !found || obj.ID != r.Git("rev-parse", "main~1") || o.FromFiles() {
		t.Fatalf("Get(main~1) = %v, %t, %v, from the files %t; want git's answer", obj.ID, found, err, o.FromFiles())
	}
	if _, found, err := o.Get("refs/heads/nope"); err != nil || found {
		t.Errorf("Get(refs/heads/nope) = %t, %v; want missing", found, err)
	}
}

// runGit runs git in dir with gittest's environment and returns its trimmed output.
func runGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, gittest.Env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func TestPackedRef(t *testing.T) {
	t.Parallel()
	a, b := strings.Repeat("a", 40), strings.Repeat("b", 40)
	packed := []byte("# pack-refs with: peeled fully-peeled sorted \n" +
		a + " refs/heads/main\n" +
		b + " refs/heads/main2\n" +
		a + " refs/tags/v1\n^" + b + "\n" +
		b + " refs/remotes/origin/refs/heads/main\n" +
		"xyz refs/heads/broken\n")
	tests := []struct {
		name, id string
		found    bool
		err      bool
	}{
		{"refs/heads/main", a, true, false},
		{"refs/heads/main2", b, true, false},
		{"refs/tags/v1", a, true, false},
		{"refs/remotes/origin/refs/heads/main", b, true, false},
		{"refs/heads/mai", "", false, false},
		{"heads/main", "", false, false},
		{"refs/heads/nope", "", false, false},
		{"refs/heads/broken", "", false, true},
	}
	for _, tt := range tests {
		id, found, err := packedRef(packed, tt.name)
		if id != tt.id || found != tt.found || (err != nil) != tt.err || (err != nil && !errors.Is(err, errUnsupported)) {
			t.Errorf("packedRef(%s) = %q, %t, %v; want %q, %t, error %t", tt.name, id, found, err, tt.id, tt.found, tt.err)
		}
	}
}

// TestFilesLeaveOddRefsToGit: a ref that is a symbolic link, or holds something other than an
// object name or "ref: …", is git's to read.
func TestFilesLeaveOddRefsToGit(t *testing.T) {
	t.Parallel()
	r := policyHistory(t, 2)
	refs := filepath.Join(r.Dir, ".git", "refs", "heads")
	if err := os.Symlink("main", filepath.Join(refs, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(refs, "odd"), []byte("not an object name\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := OpenFiles(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, name := range []string{"refs/heads/linked^{commit}", "refs/heads/odd"} {
		if _, _, err := f.get(name); !errors.Is(err, errUnsupported) {
			t.Errorf("get(%s) = %v, want errUnsupported", name, err)
		}
	}
	o := OpenObjects(context.Background(), r.Dir)
	defer o.Close()
	if obj, found, err := o.Get("refs/heads/linked^{commit}"); err != nil || !found || obj.ID != r.Git("rev-parse", "main") {
		t.Errorf("Objects.Get(linked) = %s, %t, %v; want main's commit, from git", obj.ID, found, err)
	}
}
