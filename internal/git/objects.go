package git

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
)

// Objects answers object requests as a Batch does, from the repository's files when it can
// (Files) and from one `git cat-file --batch` process, started on the first request the files
// can't answer, otherwise. On the common path (the policy on a branch of an ordinary clone) no
// process starts. Close it when done.
type Objects struct {
	ctx   context.Context
	dir   string
	files *Files // nil when the repository is one Files does not read
	batch *Batch
}

// OpenObjects prepares to read objects in dir. It starts no process.
func OpenObjects(ctx context.Context, dir string) *Objects {
	o := &Objects{ctx: ctx, dir: dir}
	if f, err := OpenFiles(dir); err == nil {
		o.files = f
	}
	return o
}

// Get returns the object that name names, as Batch.Get does. The files answer a full ref name
// (refs/…) or a full object name, each optionally peeled with ^{commit}, and OBJECT:PATH; git
// answers the rest, and whatever the files could not read.
func (o *Objects) Get(name string) (Object, bool, error) {
	if o.files != nil && o.batch == nil {
		obj, found, err := o.files.get(name)
		if !errors.Is(err, errUnsupported) {
			return obj, found, err
		}
		o.files.Close()
		o.files = nil // after one request the files can't answer, git answers the rest
	}
	if o.batch == nil {
		b, err := StartBatch(o.ctx, o.dir)
		if err != nil {
			return Object{}, false, err
		}
		o.batch = b
	}
	return o.batch.Get(name)
}

// FromFiles reports whether every answer so far came from the files, with no git process.
func (o *Objects) FromFiles() bool { return o.batch == nil && o.files != nil }

// Close ends the git process, if one started, and closes the files.
func (o *Objects) Close() error {
	if o.files != nil {
		o.files.Close()
	}
	if o.batch != nil {
		return o.batch.Close()
	}
	return nil
}

// get answers the requests Files reads.
func (f *Files) get(name string) (Object, bool, error) {
	if rev, path, ok := strings.Cut(name, ":"); ok {
		if !isObjectID(rev) {
			return Object{}, false, fmt.Errorf("%w: %q", errUnsupported, name)
		}
		return f.treePath(rev, path)
	}
	rev, peel := strings.CutSuffix(name, "^{commit}")
	if strings.ContainsAny(rev, "^~@{}:?*[ \\") {
		return Object{}, false, fmt.Errorf("%w: %q", errUnsupported, name)
	}
	id := rev
	switch {
	case isObjectID(rev):
	case strings.HasPrefix(rev, "refs/"):
		var found bool
		var err error
		if id, found, err = f.ref(rev); err != nil || !found {
			return Object{}, false, err
		}
	default:
		return Object{}, false, fmt.Errorf("%w: %q", errUnsupported, name)
	}
	obj, found, err := f.object(id)
	if err != nil || !found || !peel {
		return obj, found, err
	}
	return f.peelToCommit(obj)
}

// peelToCommit follows annotated tags to the commit they name; anything else is no commit.
func (f *Files) peelToCommit(obj Object) (Object, bool, error) {
	for range 16 {
		switch obj.Type {
		case "commit":
			return obj, true, nil
		case "tag":
			target, ok := header(obj.Data, "object")
			if !ok || !isObjectID(target) {
				return Object{}, false, fmt.Errorf("%w: tag %s names no object", errUnsupported, obj.ID)
			}
			next, _, err := f.object(target)
			if err != nil {
				return Object{}, false, err
			}
			obj = next
		default:
			return Object{}, false, nil
		}
	}
	return Object{}, false, fmt.Errorf("%w: tags nested too deep", errUnsupported)
}

// treePath returns the tree or blob at path in the commit (or tree) rev; "" is the root tree.
func (f *Files) treePath(rev, path string) (Object, bool, error) {
	obj, found, err := f.object(rev)
	if err != nil || !found {
		return Object{}, found, err
	}
	if obj.Type == "commit" {
		tree, ok := header(obj.Data, "tree")
		if !ok || !isObjectID(tree) {
			return Object{}, false, fmt.Errorf("%w: commit %s names no tree", errUnsupported, rev)
		}
		if obj, _, err = f.object(tree); err != nil {
			return Object{}, false, err
		}
	}
	if path == "" {
		if obj.Type != "tree" {
			return Object{}, false, fmt.Errorf("%w: %s is a %s", errUnsupported, rev, obj.Type)
		}
		return obj, true, nil
	}
	for _, name := range strings.Split(path, "/") {
		if name == "" || name == "." || name == ".." || obj.Type != "tree" {
			return Object{}, false, fmt.Errorf("%w: the path %q", errUnsupported, path)
		}
		id, found, err := treeEntry(obj.Data, name)
		if err != nil || !found {
			return Object{}, false, err
		}
		if obj, _, err = f.object(id); err != nil {
			return Object{}, false, err
		}
	}
	return obj, true, nil
}

// treeEntry returns the object name of the entry called name in a raw tree: entries of
// "MODE NAME\0" and 20 bytes of object name.
func treeEntry(tree []byte, name string) (string, bool, error) {
	for len(tree) > 0 {
		sp := bytes.IndexByte(tree, ' ')
		nul := bytes.IndexByte(tree, 0)
		if sp < 0 || nul < sp || len(tree) < nul+21 {
			return "", false, fmt.Errorf("%w: a malformed tree", errUnsupported)
		}
		if string(tree[sp+1:nul]) == name {
			return fmt.Sprintf("%x", tree[nul+1:nul+21]), true, nil
		}
		tree = tree[nul+21:]
	}
	return "", false, nil
}

// header returns the value of the first "KEY value" line of a commit or tag's header.
func header(data []byte, key string) (string, bool) {
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, key+" "); ok {
			return v, true
		}
	}
	return "", false
}

// Close closes the packs' files.
func (f *Files) Close() {
	for _, p := range f.packs {
		p.close()
	}
	f.packs = nil
}
