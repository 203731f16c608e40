package sandbox

import (
	"regexp"

	"github.com/incident-hotfix/incident-hotfix/internal/contract"
)

// gap is a known way the sandbox's responses to a step differ from GitHub's description: what
// is missing, for people, and patterns that each explained violation's "POINTER REASON" matches.
type gap struct {
	what     string
	explains []*regexp.Regexp
}

// explained reports whether one of the gap's patterns matches v.
func (g gap) explained(v contract.Violation) bool {
	for _, re := range g.explains {
		if re.MatchString(v.Pointer + " " + v.Reason) {
			return true
		}
	}
	return false
}

// missing matches violations for properties left out of the object at a pointer that re matches.
func missing(re string) *regexp.Regexp {
	return regexp.MustCompile(`^` + re + `/[a-z_]+ property "[a-z_]+" is missing`)
}

// The sandbox's shortcomings that the steps' gaps name.
var (
	commitFields = regexp.MustCompile(`/(author|committer|parents|tree/url|verification/(payload|signature|verified_at)) property`)
	gapCommit    = gap{"commits lack author and committer (null without a GitHub user), parents and commit.tree.url; " +
		"verification lacks payload, signature and verified_at (null)", []*regexp.Regexp{commitFields}}
	gapVerification = gap{"verification lacks payload, signature and verified_at (null when unsigned)", []*regexp.Regexp{commitFields}}
	gapPull         = gap{"base.repo and head.repo " + repoFields, []*regexp.Regexp{missing(`/(base|head)/repo`)}}
	repoFields      = "lacks most of full-repository's fields (*_url, counts, flags; null description, license, homepage, language, mirror_url)"
)

// gaps are the steps whose sandbox responses still differ from GitHub's description. Each is a
// defect of the sandbox to fix, not a difference to allow.
var gaps = map[string]gap{
	"repository": {"the repository " + repoFields, []*regexp.Regexp{missing(``)}},
	"user": {"no user_view_type, the discriminator between private-user and public-user",
		[]*regexp.Regexp{regexp.MustCompile(`^ input does not contain the discriminator property "user_view_type"$`)}},
	"rate limit":              {"resources lacks search", []*regexp.Regexp{regexp.MustCompile(`^/resources/search property`)}},
	"collaborator permission": {"user lacks role_name", []*regexp.Regexp{regexp.MustCompile(`^/user/role_name property`)}},
	"create tag object":       gapVerification,
	"get tag object":          gapVerification,
	"list commits":            gapCommit,
	"get commit":              gapCommit,
	"get git commit":          gapCommit,
	"compare":                 gapCommit,
	"get branch":              gapCommit,
	"merge":                   gapCommit,
	"pull commits":            gapCommit,
	"combined status":         {"the repository " + repoFields, []*regexp.Regexp{missing(`/repository`)}},
	"get file": {"content-file lacks _links, git_url and download_url",
		[]*regexp.Regexp{regexp.MustCompile(`^/(_links|git_url|download_url) property .* \(in the oneOf branch for type "file"\)$`)}},
	"create pull":    gapPull,
	"get pull":       gapPull,
	"get pull again": gapPull,
	"update pull":    gapPull,
	"list pulls":     {"base.repo and head.repo " + repoFields, []*regexp.Regexp{missing(`/[0-9]+/(base|head)/repo`)}},
}
