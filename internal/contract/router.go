package contract

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// newRouter builds a gorilla/mux router over doc in which every path
// parameter that GitHub marks x-multi-segment (ref, basehead, tag, branch,
// path) matches slashes too, as {name:.+}. The router ignores the server
// URL, so a local sandbox on any host routes like api.github.com. It also
// returns the map from the router's templates back to the description's.
func newRouter(doc *openapi3.T) (routers.Router, map[string]string, error) {
	paths := openapi3.NewPaths()
	templates := map[string]string{}
	for template, item := range doc.Paths.Map() {
		routed := multiSegment(template, item)
		paths.Set(routed, item)
		templates[routed] = template
	}
	routed := &openapi3.T{OpenAPI: doc.OpenAPI, Info: doc.Info, Paths: paths, Components: doc.Components}
	router, err := gorillamux.NewRouter(routed)
	return router, templates, err
}

// multiSegment rewrites {name} as {name:.+} for each multi-segment path
// parameter of the path item or any of its operations.
func multiSegment(template string, item *openapi3.PathItem) string {
	params := append(openapi3.Parameters{}, item.Parameters...)
	for _, op := range item.Operations() {
		params = append(params, op.Parameters...)
	}
	for _, ref := range params {
		p := ref.Value
		if p != nil && p.In == openapi3.ParameterInPath && p.Extensions["x-multi-segment"] == true {
			template = strings.ReplaceAll(template, "{"+p.Name+"}", "{"+p.Name+":.+}")
		}
	}
	return template
}
