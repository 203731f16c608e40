package main

const (
	packageName    = "@octokit/fixtures"
	packageVersion = "23.1.2"
	licenceName    = "LICENSE.octokit-fixtures"
)

// scenarios are the recordings of api.github.com that touch endpoints the
// sandbox serves: git refs, labels, errors and pagination, plus commit
// statuses and labels on an issue.
var scenarios = []string{
	"git-refs",
	"labels",
	"errors",
	"paginate-issues",
	"add-labels-to-issue",
	"create-status",
}

// keptHeaders are the response headers the tests compare.
var keptHeaders = []string{"content-type", "link", "location"}
