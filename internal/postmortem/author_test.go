package postmortem

import (
	"context"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// plantLookAlike has mallory, who is no collaborator, open an issue labelled postmortem whose
// body starts with the real postmortem's marker.
func plantLookAlike(t *testing.T, s *sandboxtest.Sandbox, f Facts) *github.Issue {
	t.Helper()
	title, body, labels := "Incident Postmortem: fake", Marker(f)+"\nnothing to see", []string{"postmortem"}
	is, _, err := s.As("mallory").Issues.Create(context.Background(), repo.Owner, repo.Name,
		&github.IssueRequest{Title: &title, Body: &body, Labels: &labels})
	if err != nil {
		t.Fatal(err)
	}
	return is
}

// TestLookAlikeIgnored: a look-alike by another user neither stops the real postmortem nor is
// taken for it on a rerun, whether the author is the token's login or a given identity.
func TestLookAlikeIgnored(t *testing.T) {
	t.Parallel()
	for _, byIdentity := range []bool{false, true} {
		t.Run(map[bool]string{false: "token login", true: "identity"}[byIdentity], func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{Users: []string{"mallory"}})
			f := incidentFacts()
			fake := plantLookAlike(t, s, f)
			var opts Options
			if byIdentity {
				me, _, err := s.Client.Users.Get(context.Background(), "")
				if err != nil {
					t.Fatal(err)
				}
				opts.Author = Login(me.GetLogin())
			}
			got, err := Open(context.Background(), s.Client, repo, f, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Created || got.Number == fake.GetNumber() {
				t.Fatalf("Open = %+v with mallory's look-alike #%d there; want a new issue", got, fake.GetNumber())
			}
			again, err := Open(context.Background(), s.Client, repo, f, opts)
			if err != nil || again.Created || again.Number != got.Number {
				t.Errorf("rerun = %+v, %v; want #%d found again", again, err, got.Number)
			}
		})
	}
}

// TestLookAlikeTakenWithoutAuthorCheck shows what the author check prevents: with an author
// that accepts mallory, as a marker-only lookup would, her look-alike stops the real postmortem.
func TestLookAlikeTakenWithoutAuthorCheck(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Users: []string{"mallory"}})
	f := incidentFacts()
	fake := plantLookAlike(t, s, f)
	got, err := Open(context.Background(), s.Client, repo, f, Options{Author: Login("mallory")})
	if err != nil {
		t.Fatal(err)
	}
	if got.Created || got.Number != fake.GetNumber() {
		t.Errorf("Open = %+v; want mallory's #%d taken when her issues count", got, fake.GetNumber())
	}
}

// TestFindAuthorError: when the token's login can't be read, a marked issue is neither trusted
// nor passed over; the error says why.
func TestFindAuthorError(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Users: []string{"mallory"}})
	f := incidentFacts()
	plantLookAlike(t, s, f)
	_, _, err := FindBy(context.Background(), s.Client, repo, "postmortem", Marker(f), func(context.Context) (string, error) {
		_, _, err := s.As("nobody").Users.Get(context.Background(), "")
		return "", err
	})
	if err == nil {
		t.Error("FindBy with an author that fails = nil error")
	}
}

// TestFindUncheckedSendsOnlyGETs: a dry run's look-up takes the first marked issue, whoever
// wrote it, and asks GitHub nothing but GETs (no viewer query).
func TestFindUncheckedSendsOnlyGETs(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Users: []string{"mallory"}})
	f := incidentFacts()
	fake := plantLookAlike(t, s, f)
	s.Server.ResetRequests()
	got, found, err := FindUnchecked(context.Background(), s.Client, repo, "postmortem", Marker(f))
	if err != nil || !found || got.GetNumber() != fake.GetNumber() {
		t.Errorf("FindUnchecked = #%d, %v, %v; want mallory's #%d, unchecked", got.GetNumber(), found, err, fake.GetNumber())
	}
	for _, r := range s.Server.RequestLog() {
		if r.Method != "GET" {
			t.Errorf("FindUnchecked sent %s %s", r.Method, r.Path)
		}
	}
	if _, found, err := FindUnchecked(context.Background(), s.Client, repo, "postmortem", "<!-- hotfix:postmortem pr=999 -->"); err != nil || found {
		t.Errorf("FindUnchecked of an unused marker = %v, %v; want not found", found, err)
	}
}
