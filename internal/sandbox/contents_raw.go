package sandbox

import (
	"context"
	"net/http"
	"strings"
)

// routesRaw serves the files' download_url, as raw.githubusercontent.com/OWNER/REPO/REF/PATH
// does, under /raw on the sandbox's host.
func (s *Server) routesRaw() {
	s.route("GET /raw/{owner}/{repo}/{refpath...}", s.getRaw)
}

// rawURL is the download_url of path at ref.
func (s *Server) rawURL(ref, path string) string {
	return s.under("/raw/"+s.opts.Owner+"/"+s.opts.Name, "%s/%s", ref, path)
}

// getRaw answers a download_url with the file's bytes. The ref may hold slashes (hotfix/x), so
// the longest prefix that names a commit holding the rest as a file wins.
func (s *Server) getRaw(w http.ResponseWriter, r *http.Request) error {
	parts := strings.Split(r.PathValue("refpath"), "/")
	for i := len(parts) - 1; i >= 1; i-- {
		ref, path := strings.Join(parts[:i], "/"), strings.Join(parts[i:], "/")
		commit, err := s.git.resolve(ref)
		if err != nil {
			continue
		}
		data, err := s.git.run(context.Background(), nil, "cat-file", "blob", commit+":"+path)
		if err == nil {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			_, err = w.Write(data)
			return err
		}
	}
	return notFound()
}
