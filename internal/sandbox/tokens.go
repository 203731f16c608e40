package sandbox

import (
	"crypto/subtle"
	"fmt"
	"regexp"
	"strings"

	"github.com/google/go-github/v60/github"
)

// TokenKind is what kind of GitHub token a credential stands for. The kind decides who the
// objects written with it are authored by and whether GET /user answers.
type TokenKind string

// The token kinds GitHub issues that the toolkit meets.
const (
	// UserToken is a personal access token: it acts as its user, and GET /user answers.
	UserToken TokenKind = "user"
	// AppToken is a GitHub App installation token: it writes as SLUG[bot], and GET /user is 403.
	AppToken TokenKind = "app"
	// ActionsToken is a workflow's GITHUB_TOKEN: it writes as github-actions[bot], and GET /user is 403.
	ActionsToken TokenKind = "actions"
)

// ActionsBot is the login that a workflow's GITHUB_TOKEN writes as.
const ActionsBot = "github-actions[bot]"

// actionsBotID is github-actions[bot]'s user id on GitHub.com.
const actionsBotID = 41898282

// Credential is one token the sandbox accepts and the account it acts as.
type Credential struct {
	Secret string
	Kind   TokenKind
	// Login is the account: the user's login, SLUG[bot] for an app, github-actions[bot] for actions.
	Login string
}

// Integration reports whether the credential is an installation token (an app's or a workflow's),
// which GitHub refuses GET /user.
func (c Credential) Integration() bool { return c.Kind == AppToken || c.Kind == ActionsToken }

// tokenSpecHelp lists the forms ParseCredential accepts.
const tokenSpecHelp = "want SECRET, user:LOGIN=SECRET, app:SLUG=SECRET or actions=SECRET"

var (
	// loginPattern is a GitHub login: up to 39 letters, digits and single hyphens, not at either end.
	loginPattern = regexp.MustCompile(`^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$`)
	// slugPattern is a GitHub App's slug: lowercase letters, digits and hyphens.
	slugPattern = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$`)
)

// ParseCredential reads one --token value: SECRET (a personal token of defaultUser),
// user:LOGIN=SECRET, app:SLUG=SECRET or actions=SECRET.
func ParseCredential(spec, defaultUser string) (Credential, error) {
	head, secret, hasSecret := strings.Cut(spec, "=")
	if !hasSecret {
		return checkedSecret(Credential{Secret: spec, Kind: UserToken, Login: defaultUser}, spec)
	}
	kind, name, _ := strings.Cut(head, ":")
	switch {
	case kind == "user" && loginPattern.MatchString(name):
		return checkedSecret(Credential{Secret: secret, Kind: UserToken, Login: name}, spec)
	case kind == "app" && slugPattern.MatchString(name):
		return checkedSecret(Credential{Secret: secret, Kind: AppToken, Login: name + "[bot]"}, spec)
	case head == "actions":
		return checkedSecret(Credential{Secret: secret, Kind: ActionsToken, Login: ActionsBot}, spec)
	}
	return Credential{}, fmt.Errorf("token %q: %s (a login is letters, digits and hyphens; a slug is lowercase)", redactSpec(spec), tokenSpecHelp)
}

// checkedSecret refuses an empty secret or one with spaces, which no client could send.
func checkedSecret(c Credential, spec string) (Credential, error) {
	if c.Secret == "" || strings.ContainsFunc(c.Secret, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return Credential{}, fmt.Errorf("token %q: the secret is empty or has spaces; %s", redactSpec(spec), tokenSpecHelp)
	}
	return c, nil
}

// redactSpec shows a token spec without its secret, so an error never prints one.
func redactSpec(spec string) string {
	if head, _, ok := strings.Cut(spec, "="); ok {
		return head + "=***"
	}
	return "***"
}

// credentials are every token the sandbox accepts: Options.Token as Options.User's personal
// token, Options.Users as personal tokens, and Options.Tokens.
func (s *Server) credentials() []Credential {
	all := []Credential{}
	if s.opts.Token != "" {
		all = append(all, Credential{Secret: s.opts.Token, Kind: UserToken, Login: s.opts.User})
	}
	for secret, login := range s.opts.Users {
		all = append(all, Credential{Secret: secret, Kind: UserToken, Login: login})
	}
	return append(all, s.opts.Tokens...)
}

// credential finds the credential whose secret is tok, comparing in constant time.
func (s *Server) credential(tok string) (Credential, bool) {
	for _, c := range s.credentials() {
		if subtle.ConstantTimeCompare([]byte(tok), []byte(c.Secret)) == 1 {
			return c, true
		}
	}
	return Credential{}, false
}

// checkCredentials refuses two credentials with one secret, which would make the account a
// request acts as depend on the order of the options.
func checkCredentials(all []Credential) error {
	seen := map[string]string{}
	for _, c := range all {
		if c.Secret == "" {
			continue
		}
		if other, dup := seen[c.Secret]; dup && other != c.Login {
			return fmt.Errorf("sandbox options: one secret is given to both %s and %s", other, c.Login)
		}
		seen[c.Secret] = c.Login
	}
	return nil
}

// asBot makes u a bot account when its login ends in [bot]: type Bot, the app's page as its
// html_url, and github-actions[bot]'s real id, as GitHub shows the authors of what an
// installation token writes.
func (s *Server) asBot(u *github.User) *github.User {
	slug, ok := strings.CutSuffix(u.GetLogin(), "[bot]")
	if !ok {
		return u
	}
	u.Type = github.String("Bot")
	u.HTMLURL = github.String(s.htmlURL("/apps/%s", slug))
	if u.GetLogin() == ActionsBot {
		u.ID = github.Int64(actionsBotID)
		u.NodeID = github.String(nodeIDFor("BOT", actionsBotID))
	}
	return u
}
