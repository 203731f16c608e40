package sandbox

import (
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/contract"
)

// undocumented are routes the sandbox serves that GitHub serves but does not describe, with
// the reason each is served; the contract test does not call them.
var undocumented = map[string]string{
	"GET /repos/{owner}/{repo}/git/refs/{ref...}": "GitHub answers GET git/refs/ and @octokit/fixtures records it (see replay_test.go)",
	"GET /raw/{owner}/{repo}/{refpath...}":        "a file's download_url, raw.githubusercontent.com's part, outside the REST API (see TestDirectoryAndRawContents)",
	"POST /graphql":                               "GraphQL is not part of the REST description; TestGraphQLViewer (tokens_test.go) pins its answers",
}

func TestContractEveryRoute(t *testing.T) {
	t.Parallel()
	srv, _, dir := newTestSandbox(t)
	checker, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	var found violations
	hs := httptest.NewServer(checker.Middleware(srv.Handler(), found.add))
	t.Cleanup(hs.Close)
	f := newFlow(t, hs, dir)
	ctx := context.Background()
	for _, s := range contractSteps {
		resp, err := s.call(ctx, f)
		if got := statusOf(resp); got != s.status || (err != nil && got < 400) {
			t.Errorf("%s: status %d, want %d (err %v)", s.name, got, s.status, err)
		}
		checkStep(t, s.name, found.drain())
	}
	checkEveryRoute(t, srv.Requests())
}

// checkStep fails for each violation of a step: the sandbox's responses must all conform to
// GitHub's description, except where allowlist.go in internal/contract names a documented
// difference of GitHub's own.
func checkStep(t *testing.T, name string, errs []error) {
	t.Helper()
	for _, v := range flatten(errs) {
		t.Errorf("%s: contract violation: %v", name, v)
	}
}

// flatten lists the violations in the middleware's reports; a report that is not a
// contract.Violations becomes one violation.
func flatten(errs []error) []contract.Violation {
	var out []contract.Violation
	for _, err := range errs {
		var vs contract.Violations
		if !errors.As(err, &vs) {
			vs = contract.Violations{{Part: "report", Reason: err.Error()}}
		}
		out = append(out, vs...)
	}
	return out
}

// violations collects what the contract middleware reports.
type violations struct {
	mu   sync.Mutex
	errs []error
}

// add records one report.
func (v *violations) add(err error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.errs = append(v.errs, err)
}

// drain returns the reports so far and forgets them.
func (v *violations) drain() []error {
	v.mu.Lock()
	defer v.mu.Unlock()
	errs := v.errs
	v.errs = nil
	return errs
}

// newFlow pushes the branches the steps use and returns clients for hs.
func newFlow(t *testing.T, hs *httptest.Server, dir string) *contractFlow {
	t.Helper()
	f := &contractFlow{owner: "acme", repo: "shop", dir: dir, c: flowClient(t, hs, testToken), bad: flowClient(t, hs, "wrong-token")}
	pushBranch(t, dir, "main", map[string]string{".github/workflows/hotfix.yml": dispatchWorkflow})
	f.main = runGit(t, dir, "rev-parse", "refs/heads/main")
	f.fix = pushBranch(t, dir, "hotfix/login", map[string]string{"login.go": "package login\n", "docs/login.md": "# login\n"})
	pushBranch(t, dir, "release/1.0", map[string]string{"NOTES.md": "1.0\n"})
	pushBranch(t, dir, "conflict-a", map[string]string{"README.md": "# a\n"})
	pushBranch(t, dir, "conflict-b", map[string]string{"README.md": "# b\n"})
	pushBranchFrom(t, dir, "same", "main", nil)
	runGit(t, dir, "update-ref", "refs/heads/same", f.main)
	return f
}

// flowClient is a go-github client for hs that sends token.
func flowClient(t *testing.T, hs *httptest.Server, token string) *github.Client {
	t.Helper()
	c := github.NewClient(hs.Client()).WithAuthToken(token)
	base, err := url.Parse(hs.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	c.BaseURL = base
	return c
}

// statusOf is the response's status code, or 0 without a response.
func statusOf(resp *github.Response) int {
	if resp == nil || resp.Response == nil {
		return 0
	}
	return resp.StatusCode
}

// checkEveryRoute fails for each route registered in the package's source that the steps did
// not request, except the undocumented ones.
func checkEveryRoute(t *testing.T, requested map[string]int) {
	t.Helper()
	for _, pattern := range registeredRoutes(t) {
		if _, ok := undocumented[pattern]; !ok && requested[pattern] == 0 {
			t.Errorf("route %s: no contractStep requests it", pattern)
		}
	}
}

// registeredRoutes lists the patterns passed to s.route in the package's non-test files.
func registeredRoutes(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var routes []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		routes = append(routes, routeCalls(file)...)
	}
	if len(routes) == 0 {
		t.Fatal("found no s.route calls")
	}
	slices.Sort(routes)
	return routes
}

// routeCalls returns the string patterns of the x.route(PATTERN, ...) calls in file.
func routeCalls(file *ast.File) []string {
	var out []string
	ast.Inspect(file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		lit, isLit := call.Args[0].(*ast.BasicLit)
		if ok && sel.Sel.Name == "route" && isLit && lit.Kind == token.STRING {
			if p, err := strconv.Unquote(lit.Value); err == nil {
				out = append(out, p)
			}
		}
		return true
	})
	return out
}
