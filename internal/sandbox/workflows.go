package sandbox

import (
	"context"
	"hash/fnv"
	"path"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// workflowDir is where GitHub looks for a repository's workflows.
const workflowDir = ".github/workflows/"

// workflowFile is one workflow: its path in the repository and its stable id.
type workflowFile struct {
	Path string
	ID   int64
}

// workflowID is the stable id of the workflow at path, derived from the path.
func workflowID(p string) int64 {
	h := fnv.New32a()
	h.Write([]byte(p))
	return int64(h.Sum32()%90_000_000) + 10_000_000
}

// findWorkflow resolves a workflow_id path parameter, a file name (deploy.yml) or a numeric id,
// against the workflow files on the default branch, as GitHub does. An unknown one is a 404.
func (s *Server) findWorkflow(idOrName string) (workflowFile, error) {
	out, err := s.git.run(context.Background(), nil, "ls-tree", "--name-only", "refs/heads/"+s.git.defaultBranch(), workflowDir)
	if err != nil {
		return workflowFile{}, notFound()
	}
	for _, p := range strings.Fields(string(out)) {
		w := workflowFile{Path: p, ID: workflowID(p)}
		if path.Base(p) == idOrName || strconv.FormatInt(w.ID, 10) == idOrName {
			return w, nil
		}
	}
	return workflowFile{}, notFound()
}

// workflowSpec is the part of a workflow file the sandbox reads: its name and its triggers.
type workflowSpec struct {
	Name string `yaml:"name"`
	On   any    `yaml:"on"`
}

// readWorkflow parses the workflow at path in commit sha; a missing or unreadable file is an error.
func (s *Server) readWorkflow(sha, p string) (workflowSpec, error) {
	var spec workflowSpec
	data, err := s.git.run(context.Background(), nil, "cat-file", "blob", sha+":"+p)
	if err != nil {
		return spec, err
	}
	err = yaml.Unmarshal(data, &spec)
	return spec, err
}

// dispatchable reports whether the workflow's `on` lists workflow_dispatch, in any of the
// three forms GitHub accepts: a string, a list or a map.
func (w workflowSpec) dispatchable() bool {
	switch on := w.On.(type) {
	case string:
		return on == "workflow_dispatch"
	case []any:
		for _, e := range on {
			if e == "workflow_dispatch" {
				return true
			}
		}
	case map[string]any:
		_, ok := on["workflow_dispatch"]
		return ok
	}
	return false
}
