package contract

import (
	"context"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func TestDescriptionIsValidOpenAPI(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	if err := c.doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		t.Errorf("the embedded description is not valid OpenAPI: %v", err)
	}
	if got := c.doc.Info.Extensions["x-license-file"]; got != "LICENSE.octokit-openapi" {
		t.Errorf("info x-license-file = %v, want LICENSE.octokit-openapi", got)
	}
}

func TestDescriptionHasNoProse(t *testing.T) {
	t.Parallel()
	for _, key := range []string{`"examples"`, `"x-github"`} {
		if strings.Contains(string(description), key+":") {
			t.Errorf("the embedded description still has %s keys", key)
		}
	}
	// summary is also a property of some schemas (a check run's output), so operations are
	// checked one by one for their summary and externalDocs.
	for path, item := range loadChecker(t).doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.Summary != "" || op.ExternalDocs != nil {
				t.Errorf("%s %s still has its summary or externalDocs", method, path)
			}
		}
	}
}
