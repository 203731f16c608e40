package merge

import (
	"context"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/verify"
)

// verifyContext is the commit status that `hotfix verify` writes on the hotfix head.
const verifyContext = verify.Context

// maxStatusPages bounds the combined-status pages read to find hotfix/verify, 100 contexts each.
const maxStatusPages = 5

// VerifyFailedError says that the release gate refused to tag: the hotfix head's hotfix/verify
// status is failing. Callers can find it with errors.As.
type VerifyFailedError struct {
	SHA, State, Description, TargetURL string
}

func (e *VerifyFailedError) Error() string {
	msg := fmt.Sprintf("not tagged: the %s status of the hotfix head %s is %s", verifyContext, short(e.SHA), e.State)
	if e.Description != "" {
		msg += fmt.Sprintf(" (%q)", e.Description)
	}
	if e.TargetURL != "" {
		msg += ", see " + e.TargetURL
	}
	return msg + "; make verify pass on the head and re-run this workflow, or set release.require_verify: false in the policy on the base branch"
}

// The verify gate refuses only a failing hotfix/verify status (failure or error). A head
// without one, or with one still pending, is tagged, and the reason says that verify did not
// vouch for it: verify may not be set up, and a merge event does not come back when verify ends.
// A status that can't be read refuses the tag, so the gate fails closed. With
// release.require_verify false there is no gate and no request (see facts).

// verifyGate reads the hotfix/verify status of the head: an error for a failing one, or a note
// for one that is missing or pending.
func (d Deps) verifyGate(ctx context.Context, sha string) (note string, err error) {
	if sha == "" {
		return "the pull request names no head commit, so its " + verifyContext + " status was not checked", nil
	}
	st, err := d.verifyStatus(ctx, sha)
	if err != nil {
		return "", fmt.Errorf("read the %s status of the hotfix head %s: %w; not tagged, since the gate can't be checked", verifyContext, short(sha), err)
	}
	switch st.GetState() {
	case "failure", "error":
		return "", &VerifyFailedError{SHA: sha, State: st.GetState(), Description: st.GetDescription(), TargetURL: st.GetTargetURL()}
	case "success":
		return "", nil
	case "pending":
		return fmt.Sprintf("warning: %s was still pending on the head %s at the merge, so it did not vouch for this tag", verifyContext, short(sha)), nil
	}
	return fmt.Sprintf("warning: the head %s has no %s status, so verify did not vouch for this tag", short(sha), verifyContext), nil
}

// verifyStatus finds the latest hotfix/verify status of sha in its combined status; nil when
// there is none. See https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference
func (d Deps) verifyStatus(ctx context.Context, sha string) (*github.RepoStatus, error) {
	opts := &github.ListOptions{PerPage: 100}
	for range maxStatusPages {
		combined, resp, err := d.Client.Repositories.GetCombinedStatus(ctx, d.Owner, d.Name, sha, opts)
		if err != nil {
			return nil, gh.Explain(err)
		}
		for _, st := range combined.Statuses {
			if st.GetContext() == verifyContext {
				return st, nil
			}
		}
		if resp.NextPage == 0 {
			return nil, nil
		}
		opts.Page = resp.NextPage
	}
	return nil, fmt.Errorf("more than %d statuses on the commit", maxStatusPages*100)
}

// short is a SHA cut to 7 characters, for messages.
func short(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}
