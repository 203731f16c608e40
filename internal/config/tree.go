package config

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strconv"
)

// treeEntry is one entry of a git tree object: a file, a symlink, a directory or a submodule.
type treeEntry struct {
	mode uint32
	id   string
}

// regular reports whether the entry is a regular file (mode 100644 or 100755), not a symlink
// (120000), a directory (040000) or a submodule (160000).
func (e treeEntry) regular() bool { return e.mode&0o170000 == 0o100000 }

// String is the entry as git ls-tree prints it: "MODE TYPE OBJECT".
func (e treeEntry) String() string {
	kind := "blob"
	switch e.mode & 0o170000 {
	case 0o040000:
		kind = "tree"
	case 0o160000:
		kind = "commit"
	}
	return fmt.Sprintf("%06o %s %s", e.mode, kind, e.id)
}

// findEntry finds name in the content of a tree object, a list of "MODE NAME\0ID" with ID in
// idLen raw bytes (20 for SHA-1, 32 for SHA-256).
// The format is the one git's tree-walk.c reads.
func findEntry(tree []byte, name string, idLen int) (treeEntry, bool, error) {
	for len(tree) > 0 {
		sp := bytes.IndexByte(tree, ' ')
		nul := bytes.IndexByte(tree, 0)
		if sp < 0 || nul < sp || len(tree) < nul+1+idLen {
			return treeEntry{}, false, fmt.Errorf("malformed tree object: %q", tree)
		}
		mode, err := strconv.ParseUint(string(tree[:sp]), 8, 32)
		if err != nil {
			return treeEntry{}, false, fmt.Errorf("malformed tree object: mode %q", tree[:sp])
		}
		if string(tree[sp+1:nul]) == name {
			return treeEntry{mode: uint32(mode), id: hex.EncodeToString(tree[nul+1 : nul+1+idLen])}, true, nil
		}
		tree = tree[nul+1+idLen:]
	}
	return treeEntry{}, false, nil
}
