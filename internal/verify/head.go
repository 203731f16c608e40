package verify

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
)

// CheckHead makes sure the checkout in root is at sha, the commit whose hotfix/verify status the
// run would write, so that verify vouches only for a commit it tested. sha may be any name git
// resolves in the checkout; a commit the checkout does not have is a mismatch too.
func CheckHead(ctx context.Context, root, sha string) error {
	head, err := revParse(ctx, root, "HEAD")
	if err != nil {
		return fmt.Errorf("read the HEAD of the checkout %s, to check it is %s: %w", root, sha, err)
	}
	want, err := revParse(ctx, root, sha)
	if err == nil && want == head {
		return nil
	}
	return fmt.Errorf("the checkout %s is at %s, not at %s, the commit whose %s status this run would write; "+
		"check out that commit (actions/checkout with ref: %s), or pass the checkout's HEAD as --sha (the sha input)",
		root, head, sha, Context, sha)
}

// revParse resolves name to a full commit SHA with the git CLI.
func revParse(ctx context.Context, root, name string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", "-C", root, "rev-parse", "--verify", "--quiet", "--end-of-options", name+"^{commit}")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if why := strings.TrimSpace(stderr.String()); why != "" {
			return "", fmt.Errorf("git rev-parse %s: %s", name, why)
		}
		return "", fmt.Errorf("git rev-parse %s: %w", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}
