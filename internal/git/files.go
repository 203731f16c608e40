package git

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// errUnsupported says that Files can't answer a request the way git would, so git must: a
// repository layout, a ref store or a revision it does not read, or an object it could not
// read back to its name.
var errUnsupported = errors.New("not read from the files")

// Files reads a repository's refs and objects from its files, without starting git: the few
// reads on a command's start path (the policy: a ref, a commit, two trees, a blob). It reads
// loose and packed refs and loose and packed objects (deltas included) of a SHA-1 repository,
// and every object it returns is checked against its name, the SHA-1 of its header and
// content, so a misread is never used. For anything else it says errUnsupported, and the
// caller (Objects) asks git.
type Files struct {
	gitDir, commonDir string
	packs             []*pack // opened on first use
	packsRead         bool
	packed            []byte // packed-refs, read on first use
	packedRead        bool
	zlib              io.ReadCloser // reused for every object (inflater)
}

// OpenFiles finds the repository that contains dir as git would (a .git directory or file in
// dir or above it, or dir itself when it is a bare repository), and refuses, with
// errUnsupported, what it does not read: a repository named by the environment, owned by
// another user, with extensions (another object format, the reftable ref store), with
// alternates or with replace refs (which swap one object for another).
func OpenFiles(dir string) (*Files, error) {
	for _, v := range []string{"GIT_DIR", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_REPLACE_REF_BASE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM"} {
		if os.Getenv(v) != "" {
			return nil, fmt.Errorf("%w: %s is set", errUnsupported, v)
		}
	}
	gitDir, err := discover(dir)
	if err != nil {
		return nil, err
	}
	f := &Files{gitDir: gitDir, commonDir: gitDir}
	if b, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		c := strings.TrimSpace(string(b))
		if !filepath.IsAbs(c) {
			c = filepath.Join(gitDir, c)
		}
		f.commonDir = c
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	return f, nil
}

// discover returns the git directory of the repository that contains dir.
func discover(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("%w: %v", errUnsupported, err)
	}
	for d := abs; ; d = filepath.Dir(d) {
		dotGit := filepath.Join(d, ".git")
		if st, err := os.Stat(dotGit); err == nil {
			if st.IsDir() {
				return ownedGitDir(d, dotGit)
			}
			b, err := os.ReadFile(dotGit)
			if err != nil || !bytes.HasPrefix(b, []byte("gitdir: ")) {
				return "", fmt.Errorf("%w: %s is neither a directory nor a gitdir file", errUnsupported, dotGit)
			}
			g := strings.TrimSpace(string(b[len("gitdir: "):]))
			if !filepath.IsAbs(g) {
				g = filepath.Join(d, g)
			}
			return ownedGitDir(d, g)
		}
		if isGitDir(d) {
			return ownedGitDir(d, d)
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%w: no repository at or above %s", errUnsupported, abs)
		}
	}
}

// isGitDir reports whether d looks like a git directory, as git tests a bare repository.
func isGitDir(d string) bool {
	for _, name := range []string{"HEAD", "objects", "refs"} {
		if _, err := os.Stat(filepath.Join(d, name)); err != nil {
			return false
		}
	}
	return true
}

// ownedGitDir returns gitDir when it and the worktree top are the current user's: git refuses a
// repository another user owns (safe.directory), and so does Files, leaving the refusal to git.
func ownedGitDir(top, gitDir string) (string, error) {
	for _, p := range []string{top, gitDir} {
		st, err := os.Stat(p)
		if err != nil {
			return "", fmt.Errorf("%w: %v", errUnsupported, err)
		}
		if sys, ok := st.Sys().(*syscall.Stat_t); !ok || int(sys.Uid) != os.Geteuid() {
			return "", fmt.Errorf("%w: %s is not the current user's", errUnsupported, p)
		}
	}
	return gitDir, nil
}

// check refuses the layouts Files does not read.
func (f *Files) check() error {
	config, err := os.ReadFile(filepath.Join(f.commonDir, "config"))
	if err != nil {
		return fmt.Errorf("%w: %v", errUnsupported, err)
	}
	if hasSection(config, "extensions") {
		return fmt.Errorf("%w: the repository has extensions", errUnsupported)
	}
	for _, p := range []string{"reftable", "objects/info/alternates", "refs/replace"} {
		if _, err := os.Stat(filepath.Join(f.commonDir, p)); err == nil {
			return fmt.Errorf("%w: the repository has %s", errUnsupported, p)
		}
	}
	packed, err := f.packedRefs()
	if err != nil {
		return err
	}
	if bytes.Contains(packed, []byte(" refs/replace/")) {
		return fmt.Errorf("%w: the repository has replace refs", errUnsupported)
	}
	return nil
}

// hasSection reports whether a git config file has a [name] or [name "sub"] section, in any
// case, as git reads section names.
func hasSection(config []byte, name string) bool {
	s := bufio.NewScanner(bytes.NewReader(config))
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if !strings.HasPrefix(line, "[") {
			continue
		}
		section := strings.TrimLeft(line, "[ \t")
		if len(section) >= len(name) && strings.EqualFold(section[:len(name)], name) &&
			(len(section) == len(name) || strings.ContainsRune(" \t]\"", rune(section[len(name)]))) {
			return true
		}
	}
	return s.Err() != nil // unreadable: say yes, and let git read it
}

// HasRef reports whether the ref of exactly this name (refs/…) exists: a loose file or a
// packed-refs line, no other name git would try for it. An error means Files can't tell.
func (f *Files) HasRef(name string) (bool, error) {
	_, found, err := f.exactRef(name, 0)
	return found, err
}

// revisionRules are the names git tries for a ref name, in order (gitrevisions, <refname>).
var revisionRules = []string{"%s", "refs/%s", "refs/tags/%s", "refs/heads/%s", "refs/remotes/%s", "refs/remotes/%s/HEAD"}

// ref returns the object ID that the ref name under "refs/" names, trying the names git tries in
// git's order; found is false when none exists.
func (f *Files) ref(name string) (id string, found bool, err error) {
	for _, rule := range revisionRules {
		id, found, err := f.exactRef(fmt.Sprintf(rule, name), 0)
		if err != nil || found {
			return id, found, err
		}
	}
	return "", false, nil
}

// exactRef reads the ref of exactly this name: its loose file, else its packed-refs line,
// following a symbolic ref.
func (f *Files) exactRef(name string, depth int) (string, bool, error) {
	if !safeRefName(name) || depth > 5 {
		return "", false, fmt.Errorf("%w: ref %q", errUnsupported, name)
	}
	for _, perWorktree := range []string{"refs/bisect/", "refs/worktree/", "refs/rewritten/"} {
		if strings.HasPrefix(name, perWorktree) {
			return "", false, fmt.Errorf("%w: per-worktree ref %q", errUnsupported, name)
		}
	}
	path := filepath.Join(f.commonDir, filepath.FromSlash(name))
	if st, err := os.Lstat(path); err == nil && st.Mode()&os.ModeSymlink != 0 {
		return "", false, fmt.Errorf("%w: ref %s is a symbolic link", errUnsupported, name)
	}
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		content := strings.TrimSpace(string(b))
		if target, ok := strings.CutPrefix(content, "ref: "); ok {
			return f.exactRef(target, depth+1)
		}
		if !isObjectID(content) {
			return "", false, fmt.Errorf("%w: loose ref %s holds %q", errUnsupported, name, content)
		}
		return content, true, nil
	case !errors.Is(err, os.ErrNotExist) && !errors.Is(err, syscall.EISDIR) && !errors.Is(err, syscall.ENOTDIR):
		return "", false, fmt.Errorf("%w: %v", errUnsupported, err)
	}
	packed, err := f.packedRefs()
	if err != nil {
		return "", false, err
	}
	return packedRef(packed, name)
}

// packedRef finds name's line, "ID NAME", in packed-refs by a search for " NAME\n" (a ref name
// holds no space), rather than a parse of every line: a clone's packed-refs lists every tag.
func packedRef(packed []byte, name string) (string, bool, error) {
	i := bytes.Index(packed, []byte(" "+name+"\n"))
	if i < 0 {
		return "", false, nil
	}
	start := bytes.LastIndexByte(packed[:i], '\n') + 1
	if id := string(packed[start:i]); isObjectID(id) {
		return id, true, nil
	}
	return "", false, fmt.Errorf("%w: packed-refs line %q", errUnsupported, packed[start:i+len(name)+1])
}

// packedRefs reads packed-refs once; a missing file is no refs. Its lines are "ID NAME", with a
// "# pack-refs with: …" header and "^ID" lines for the object a tag above them peels to.
func (f *Files) packedRefs() ([]byte, error) {
	if f.packedRead {
		return f.packed, nil
	}
	f.packedRead = true
	b, err := os.ReadFile(filepath.Join(f.commonDir, "packed-refs"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %v", errUnsupported, err)
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		b = append(b, '\n')
	}
	f.packed = b
	return b, nil
}

// safeRefName reports whether name is a ref name Files can look up as a path: under refs/, no
// empty, "." or ".." component, no backslash.
func safeRefName(name string) bool {
	if !strings.HasPrefix(name, "refs/") || strings.ContainsAny(name, "\\\x00\n") {
		return false
	}
	for _, c := range strings.Split(name, "/") {
		if c == "" || c == "." || c == ".." {
			return false
		}
	}
	return true
}

// isObjectID reports whether s is a full SHA-1 object name in lower-case hex.
func isObjectID(s string) bool {
	if len(s) != 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !('0' <= s[i] && s[i] <= '9' || 'a' <= s[i] && s[i] <= 'f') {
			return false
		}
	}
	return true
}
