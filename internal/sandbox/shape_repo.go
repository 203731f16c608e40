package sandbox

import (
	"io/fs"
	"path/filepath"
	"time"

	"github.com/google/go-github/v60/github"
)

// minimalRepoOut is GitHub's minimal-repository object, as the combined status carries it:
// the repository's identity, owner and API URLs, with a null description.
type minimalRepoOut struct {
	*github.Repository
	Description *string `json:"description"`
}

// repoOut is GitHub's repository object, as a pull request's base and head carry it: the
// minimal repository with its counts, flags and dates, and the fields that GitHub sends as null
// when they are not set. The sandbox sets none of them and detects no language or license.
type repoOut struct {
	*github.Repository
	Description *string         `json:"description"`
	Homepage    *string         `json:"homepage"`
	Language    *string         `json:"language"`
	MirrorURL   *string         `json:"mirror_url"`
	License     *github.License `json:"license"`
	Forks       int             `json:"forks"`
}

// minimalRepository is the sandbox's repository as a minimal-repository object.
func (s *Server) minimalRepository() *minimalRepoOut {
	owner := s.user(s.opts.Owner)
	owner.Type = github.String("Organization")
	repo := &github.Repository{
		ID: github.Int64(repoID), NodeID: github.String(nodeIDFor("R", repoID)),
		Name: github.String(s.opts.Name), FullName: github.String(s.opts.Owner + "/" + s.opts.Name),
		Owner: owner, Private: github.Bool(false), Fork: github.Bool(false),
		URL: github.String(s.apiURL("")), HTMLURL: github.String(s.htmlURL("")),
	}
	s.fillRepoURLs(repo)
	return &minimalRepoOut{Repository: repo}
}

// repository is the sandbox's repository as a pull request carries it. Its open issues count
// the open issues and pull requests, as on GitHub; its size is the git objects' in KiB.
func (s *Server) repository() *repoOut {
	repo := s.minimalRepository().Repository
	created := &github.Timestamp{Time: s.st.created(s.now())}
	open, zero, no := github.Int(s.openIssues()), github.Int(0), github.Bool(false)
	repo.CloneURL, repo.GitURL, repo.SSHURL = github.String(s.opts.Dir), github.String(s.opts.Dir), github.String(s.opts.Dir)
	repo.SVNURL, repo.DefaultBranch, repo.Visibility = github.String(s.htmlURL("")), github.String(s.git.defaultBranch()), github.String("public")
	kib, pushed := s.git.objectStats()
	repo.OpenIssues, repo.OpenIssuesCount, repo.Size = open, open, github.Int(kib)
	repo.ForksCount, repo.StargazersCount, repo.Watchers, repo.WatchersCount = zero, zero, zero, zero
	repo.HasIssues, repo.HasProjects, repo.HasWiki, repo.HasPages, repo.HasDownloads, repo.HasDiscussions = github.Bool(true), no, no, no, no, no
	repo.Archived, repo.Disabled, repo.IsTemplate, repo.AllowForking = no, no, no, github.Bool(true)
	repo.WebCommitSignoffRequired, repo.Topics = no, []string{}
	repo.CreatedAt, repo.UpdatedAt, repo.PushedAt = created, created, &github.Timestamp{Time: later(created.Time, pushed)}
	return &repoOut{Repository: repo}
}

// fullRepository is the sandbox's repository as GET /repos/{owner}/{repo} shows it: the
// repository with its network and subscriber counts, the merge methods it allows, and the
// token's permissions on it (its user is an admin).
// https://docs.github.com/rest/repos/repos#get-a-repository
func (s *Server) fullRepository() *repoOut {
	out := s.repository()
	repo, yes, no := out.Repository, github.Bool(true), github.Bool(false)
	repo.NetworkCount, repo.SubscribersCount = github.Int(0), github.Int(0)
	repo.AllowMergeCommit, repo.AllowSquashMerge, repo.AllowRebaseMerge = yes, yes, yes
	repo.AllowAutoMerge, repo.AllowUpdateBranch, repo.DeleteBranchOnMerge = no, no, no
	repo.Permissions = map[string]bool{"admin": true, "maintain": true, "push": true, "triage": true, "pull": true}
	return out
}

// fillRepoURLs sets the repository's API URL templates, as GitHub writes them.
func (s *Server) fillRepoURLs(repo *github.Repository) {
	u := func(path string) *string { return github.String(s.apiURL("%s", path)) }
	repo.ArchiveURL, repo.AssigneesURL, repo.BlobsURL = u("{archive_format}{/ref}"), u("assignees{/user}"), u("git/blobs{/sha}")
	repo.BranchesURL, repo.CollaboratorsURL = u("branches{/branch}"), u("collaborators{/collaborator}")
	repo.CommentsURL, repo.CommitsURL, repo.CompareURL = u("comments{/number}"), u("commits{/sha}"), u("compare/{base}...{head}")
	repo.ContentsURL, repo.ContributorsURL, repo.DeploymentsURL = u("contents/{+path}"), u("contributors"), u("deployments")
	repo.DownloadsURL, repo.EventsURL, repo.ForksURL = u("downloads"), u("events"), u("forks")
	repo.GitCommitsURL, repo.GitRefsURL, repo.GitTagsURL = u("git/commits{/sha}"), u("git/refs{/sha}"), u("git/tags{/sha}")
	repo.HooksURL, repo.IssueCommentURL, repo.IssueEventsURL = u("hooks"), u("issues/comments{/number}"), u("issues/events{/number}")
	repo.IssuesURL, repo.KeysURL, repo.LabelsURL = u("issues{/number}"), u("keys{/key_id}"), u("labels{/name}")
	repo.LanguagesURL, repo.MergesURL, repo.MilestonesURL = u("languages"), u("merges"), u("milestones{/number}")
	repo.NotificationsURL, repo.PullsURL = u("notifications{?since,all,participating}"), u("pulls{/number}")
	repo.ReleasesURL, repo.StargazersURL, repo.StatusesURL = u("releases{/id}"), u("stargazers"), u("statuses/{sha}")
	repo.SubscribersURL, repo.SubscriptionURL, repo.TagsURL = u("subscribers"), u("subscription"), u("tags")
	repo.TeamsURL, repo.TreesURL = u("teams"), u("git/trees{/sha}")
}

// openIssues counts the open issues and pull requests.
func (s *Server) openIssues() int {
	n := 0
	for _, rec := range s.st.Issues {
		if rec.State == "open" {
			n++
		}
	}
	return n
}

// objectStats is the size of the repository's git objects, loose and packed, in KiB, as git
// count-objects reports it, and when the newest of them was written: the last push (or write
// through the API), which pushed_at shows. It stays the same between reads, so a read's ETag
// changes only when the repository does.
func (g *gitRepo) objectStats() (int, time.Time) {
	var bytes int64
	var newest time.Time
	filepath.WalkDir(filepath.Join(g.dir, "objects"), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				bytes += info.Size()
				if t := info.ModTime().UTC().Truncate(time.Second); t.After(newest) {
					newest = t
				}
			}
		}
		return nil
	})
	return int((bytes + 1023) / 1024), newest
}

// later is the later of two times.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
