package sandbox

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseOptionValues: the sandbox command's repeated and formatted values, and each error.
func TestParseOptionValues(t *testing.T) {
	t.Parallel()
	if n, err := parseRateLimit("20/h"); n != 20 || err != nil {
		t.Errorf("parseRateLimit(20/h) = %d, %v", n, err)
	}
	for _, bad := range []string{"20", "0/h", "-1/h", "x/h"} {
		if _, err := parseRateLimit(bad); err == nil || !strings.Contains(err.Error(), "want a positive number of requests an hour") {
			t.Errorf("parseRateLimit(%q) = %v", bad, err)
		}
	}
	roles, err := parseRoles([]string{"ada=write", "bob=admin"})
	if diff := cmp.Diff(roles, map[string]string{"ada": "write", "bob": "admin"}); diff != "" || err != nil {
		t.Errorf("parseRoles: %v (-got +want):\n%s", err, diff)
	}
	if _, err := parseRoles([]string{"ada=owner", "=write"}); err == nil || strings.Count(err.Error(), "want LOGIN=ROLE") != 2 {
		t.Errorf("parseRoles of two bad specs = %v, want both named", err)
	}
	if creds, err := parseCredentials([]string{"S1", "app:bot=S2"}); len(creds) != 2 || err != nil {
		t.Errorf("parseCredentials = %v, %v", creds, err)
	}
	if _, err := parseCredentials(nil); err == nil || !strings.Contains(err.Error(), "--token: the token clients must send is required") {
		t.Errorf("parseCredentials(nil) = %v", err)
	}
}
