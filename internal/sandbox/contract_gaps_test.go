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
	userFields   = regexp.MustCompile(`/((events|followers|following|gists|organizations|received_events|repos|starred|subscriptions)_url|gravatar_id) property`)
	commitFields = regexp.MustCompile(`/(author|committer|parents|tree/url|verification/(payload|signature|verified_at)) property`)
	gapUser      = gap{"user objects lack simple-user's *_url fields and gravatar_id", []*regexp.Regexp{userFields}}
	gapCommit    = gap{"commits lack author and committer (null without a GitHub user), parents and commit.tree.url; " +
		"verification lacks payload, signature and verified_at (null)", []*regexp.Regexp{commitFields}}
	gapPull = gap{"users lack simple-user's *_url fields; base.repo and head.repo lack most of full-repository's fields",
		[]*regexp.Regexp{userFields, missing(`(/[0-9]+)?/(base|head)/repo`)}}
	gapRepo = gap{"the repository lacks most of full-repository's fields (*_url, counts, flags; null license, homepage, " +
		"language, mirror_url); its owner lacks simple-user's *_url fields", []*regexp.Regexp{userFields, missing(``)}}
	gapVerification = gap{"verification lacks payload, signature and verified_at (null when unsigned)", []*regexp.Regexp{commitFields}}
)

// gaps are the steps whose sandbox responses still differ from GitHub's description. Each is a
// defect of the sandbox to fix, not a difference to allow.
var gaps = map[string]gap{
	"repository": gapRepo,
	"user": {"no user_view_type, the discriminator between private-user and public-user",
		[]*regexp.Regexp{regexp.MustCompile(`^ input does not contain the discriminator property "user_view_type"$`)}},
	"rate limit":               {"resources lacks search", []*regexp.Regexp{regexp.MustCompile(`^/resources/search property`)}},
	"collaborator permission":  {gapUser.what + "; no role_name", []*regexp.Regexp{userFields, regexp.MustCompile(`^/user/role_name property`)}},
	"create tag object":        gapVerification,
	"get tag object":           gapVerification,
	"list commits":             gapCommit,
	"get commit":               gapCommit,
	"get git commit":           gapCommit,
	"compare":                  gapCommit,
	"get branch":               gapCommit,
	"merge":                    gapCommit,
	"pull commits":             gapCommit,
	"create issue":             gapUser,
	"get issue":                gapUser,
	"update issue":             gapUser,
	"list issues":              gapUser,
	"list issue events":        gapUser,
	"create comment":           gapUser,
	"list issue comments":      gapUser,
	"list repository comments": gapUser,
	"get comment":              gapUser,
	"update comment":           gapUser,
	"create status":            gapUser,
	"list statuses":            gapUser,
	"combined status": {"the repository lacks most of full-repository's fields; its owner lacks simple-user's *_url fields",
		[]*regexp.Regexp{userFields, missing(`/repository`)}},
	"create release": gapUser,
	"release by tag": gapUser,
	"list releases":  gapUser,
	"get file": {"content-file lacks _links, git_url and download_url",
		[]*regexp.Regexp{regexp.MustCompile(`^/(_links|git_url|download_url) property .* \(in the oneOf branch for type "file"\)$`)}},
	"create pull":    gapPull,
	"get pull":       gapPull,
	"get pull again": gapPull,
	"list pulls":     gapPull,
	"update pull":    gapPull,
}
