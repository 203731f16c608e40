package refname

import (
	"os/exec"
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Checkout fails for EU users", "checkout-fails-for-eu-users"},
		{"  --DB  failover!! ", "db-failover"},
		{"$(curl x) ; rm -rf /", "curl-x-rm-rf"},
		{"hotfix/`id`\nnext", "hotfix-id-next"},
		{"Zürich API 500s", "z-rich-api-500s"},
		{"日本語", "incident"},
		{"..lock @{-1}", "lock-1"},
		{strings.Repeat("a", 30) + " " + strings.Repeat("b", 30), strings.Repeat("a", 30) + "-" + strings.Repeat("b", 17)},
		{strings.Repeat("a", 47) + " b", strings.Repeat("a", 47)},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if err := Check("hotfix/" + Slug(tt.in)); err != nil {
			t.Errorf("Slug(%q) makes an invalid branch: %v", tt.in, err)
		}
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	valid := []string{"main", "hotfix/login-timeout", "release/1.1", "backport/x-to-release/1.3"}
	invalid := []string{"", "@", "-x", "a//b", "a/", "/a", "a.", "a..b", "a@{1}", "a b", "a~1", "a^", "a:b", "a?", "a*", "a[", `a\b`, "a\nb", "a/.b", "a.lock", "a/b.lock/c"}
	for _, n := range valid {
		if err := Check(n); err != nil {
			t.Errorf("Check(%q) = %v, want nil", n, err)
		}
	}
	for _, n := range invalid {
		if err := Check(n); err == nil {
			t.Errorf("Check(%q) = nil, want an error", n)
		}
	}
}

// TestCheckAgreesWithGit compares Check with git's own check-ref-format on the same names.
func TestCheckAgreesWithGit(t *testing.T) {
	t.Parallel()
	for _, n := range []string{"main", "hotfix/a", "a..b", "a.lock", "-x", "a b", "a/.b", "x@{y", "ok/with-dash_and.dot", "a.lock/b", ".a", "a/b.", "a\tb"} {
		gitOK := exec.Command("git", "check-ref-format", "--branch", n).Run() == nil
		if ours := Check(n) == nil; ours != gitOK {
			t.Errorf("Check(%q) valid=%v, git check-ref-format valid=%v", n, ours, gitOK)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Checkout fails", "$(curl x)", "a..b", "\x00\xff", "日本語"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if err := Check("hotfix/" + got); err != nil {
			t.Fatalf("Slug(%q) = %q: %v", s, got, err)
		}
		if len(got) > MaxSlug {
			t.Fatalf("Slug(%q) = %q is longer than %d", s, got, MaxSlug)
		}
	})
}

// TestProblemAgreesWithGit checks the one ref-name checker that the policy uses too against git,
// for names without glob characters.
func TestProblemAgreesWithGit(t *testing.T) {
	t.Parallel()
	for _, n := range []string{"main", "a.lock/b", "a/.b", ".a", "a..b", "-x", "a//b", "a~1", "release/1.1", "x@{y", "a:b"} {
		gitOK := exec.Command("git", "check-ref-format", "--branch", n).Run() == nil
		if ours := Problem(n) == ""; ours != gitOK {
			t.Errorf("Problem(%q) = %q (valid %v), git check-ref-format valid=%v", n, Problem(n), ours, gitOK)
		}
	}
}
