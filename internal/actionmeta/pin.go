package actionmeta

import (
	"fmt"
	"regexp"
	"sync"
)

// digestRe is an image digest as a registry reports it.
var digestRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^sha256:[0-9a-f]{64}$`) })

// PinImage rewrites a docker action's metadata so that it runs image by digest: the line
// `image: docker://IMAGE:TAG` becomes `image: docker://IMAGE@DIGEST`. A tag can be moved to
// another image; a digest can't, so pinning the repository at a commit then pins the code that
// runs. It refuses a digest that is not sha256:<64 hex>, and metadata that does not name
// IMAGE:TAG exactly once.
func PinImage(meta []byte, image, tag, digest string) ([]byte, error) {
	if !digestRe().MatchString(digest) {
		return nil, fmt.Errorf("digest %q is not sha256:<64 hex digits>", digest)
	}
	line := regexp.MustCompile(`(?m)^(\s*image:\s*)docker://` + regexp.QuoteMeta(image+":"+tag) + `[ \t]*$`)
	if n := len(line.FindAll(meta, -1)); n != 1 {
		return nil, fmt.Errorf("the metadata names docker://%s:%s %d times, want once", image, tag, n)
	}
	return line.ReplaceAll(meta, []byte("${1}docker://"+image+"@"+digest)), nil
}
