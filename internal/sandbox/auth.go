package sandbox

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// authenticated routes a request as the account its token acts as. A wrong token is 401 "Bad
// credentials". A request without a token is anonymous: on a public repository it may read the
// repository; any write, and any account endpoint, is 401 "Requires authentication"; a private
// repository answers it 404, as GitHub hides a private repository from those who can't see it.
// https://docs.github.com/rest/authentication/authenticating-to-the-rest-api
func (s *Server) authenticated(w http.ResponseWriter, r *http.Request) {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		s.anonymous(w, r)
		return
	}
	cred, ok := s.login(auth)
	if !ok {
		writeError(w, &apiError{Status: http.StatusUnauthorized, Message: "Bad credentials"})
		return
	}
	s.mux.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), loginKey{}, cred)))
}

// anonymous serves a request that carries no token.
func (s *Server) anonymous(w http.ResponseWriter, r *http.Request) {
	inRepo := strings.HasPrefix(r.URL.Path, "/repos/")
	switch {
	case inRepo && !s.opts.Public:
		writeError(w, notFound())
	case inRepo && !isWrite(r.Method):
		s.mux.ServeHTTP(w, r)
	case r.URL.Path == "/graphql":
		writeError(w, &apiError{Status: http.StatusUnauthorized, Message: "This endpoint requires you to be authenticated.",
			DocURL: "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql"})
	default:
		writeError(w, &apiError{Status: http.StatusUnauthorized, Message: "Requires authentication"})
	}
}

// loginKey keys the requesting credential in a request's context.
type loginKey struct{}

// login returns the credential an Authorization header's token is.
func (s *Server) login(auth string) (Credential, bool) {
	scheme, tok, ok := strings.Cut(auth, " ")
	if !ok || !(strings.EqualFold(scheme, "bearer") || strings.EqualFold(scheme, "token")) {
		return Credential{}, false
	}
	return s.credential(strings.TrimSpace(tok))
}

// caller is the credential a request was made with; anonymous requests have none (ok false).
func caller(r *http.Request) (Credential, bool) {
	c, ok := r.Context().Value(loginKey{}).(Credential)
	return c, ok
}

// tokenSecrets joins the secrets of creds, to tell whether any was given.
func tokenSecrets(creds []Credential) string {
	var b strings.Builder
	for _, c := range creds {
		b.WriteString(c.Secret)
	}
	return b.String()
}

// checkOptionCredentials checks Options.Tokens and Options.Collaborators.
func checkOptionCredentials(o Options) error {
	for login, role := range o.Collaborators {
		if _, ok := roles[role]; !ok || role == "none" {
			return fmt.Errorf("sandbox options: collaborator %s: role %q is not one of read, triage, write, maintain, admin", login, role)
		}
	}
	all := []Credential{{Secret: o.Token, Login: o.User}}
	for secret, login := range o.Users {
		all = append(all, Credential{Secret: secret, Login: login})
	}
	return checkCredentials(append(all, o.Tokens...))
}
