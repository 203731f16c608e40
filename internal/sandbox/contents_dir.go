package sandbox

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/google/go-github/v60/github"
)

// writeDir answers a directory: an array of its entries, sorted by name as git lists them, each
// a file, dir, symlink or submodule with its size (0 for all but files) and URLs.
func (s *Server) writeDir(w http.ResponseWriter, r *http.Request, commit, path, ref string) error {
	spec := commit + ":" + path
	out, err := s.git.run(r.Context(), nil, "ls-tree", "-l", "-z", spec)
	if err != nil {
		return err
	}
	entries := []*dirEntryOut{}
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if line != "" {
			entries = append(entries, s.dirEntry(line, path, ref))
		}
	}
	return writeJSON(w, http.StatusOK, entries)
}

// dirEntryOut is one entry of a directory's contents: download_url is null but for files.
type dirEntryOut struct {
	*contentOut
	DownloadURL *string `json:"download_url"`
}

// dirEntry renders one `git ls-tree -l` line ("MODE TYPE SHA SIZE\tNAME") under dir.
func (s *Server) dirEntry(line, dir, ref string) *dirEntryOut {
	meta, name, _ := strings.Cut(line, "\t")
	f := strings.Fields(meta)
	mode, kind, sha := f[0], f[1], f[2]
	size, _ := strconv.Atoi(f[3])
	path := strings.TrimPrefix(dir+"/"+name, "/")
	typ := map[string]string{"blob": "file", "tree": "dir", "commit": "submodule"}[kind]
	if mode == "120000" {
		typ = "symlink"
	}
	e := &github.RepositoryContent{
		Type: github.String(typ), Size: github.Int(size), Name: github.String(name), Path: github.String(path), SHA: github.String(sha),
		URL:     github.String(s.apiURL("contents/%s?ref=%s", path, ref)),
		GitURL:  github.String(s.apiURL("git/%ss/%s", map[string]string{"file": "blob", "dir": "tree", "symlink": "blob", "submodule": "tree"}[typ], sha)),
		HTMLURL: github.String(s.htmlURL("%s/%s/%s", map[bool]string{true: "tree", false: "blob"}[typ == "dir"], ref, path)),
	}
	out := &dirEntryOut{contentOut: &contentOut{RepositoryContent: e, Links: contentLinks{Self: e.GetURL(), Git: e.GetGitURL(), HTML: e.GetHTMLURL()}}}
	if typ == "file" || typ == "symlink" {
		out.DownloadURL = github.String(s.rawURL(ref, path))
	}
	return out
}
