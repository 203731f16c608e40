package contract

import (
	"errors"
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// composite explains a value that failed an allOf, oneOf or anyOf, whose
// own message names no field: it lists what every failing allOf branch
// misses, or what the closest oneOf or anyOf branch misses, with pointers
// from the body's root. It returns nil for any other error.
func (ex exchange) composite(part string, err error) []Violation {
	var se *openapi3.SchemaError
	if !errors.As(err, &se) || se.Schema == nil || strings.Contains(se.Reason, "more than one") {
		return nil
	}
	branches := map[string]openapi3.SchemaRefs{"allOf": se.Schema.AllOf, "oneOf": se.Schema.OneOf, "anyOf": se.Schema.AnyOf}[se.SchemaField]
	note := fmt.Sprintf(" (in the closest of %d %s branches)", len(branches), se.SchemaField)
	if se.SchemaField != "allOf" {
		if narrowed, tag := discriminated(se.Schema.Discriminator, se.Value, branches); tag != "" {
			branches, note = narrowed, fmt.Sprintf(" (in the %s branch for %s)", se.SchemaField, tag)
		}
	}
	prefix := pointer(se.JSONPointer())
	var all, closest []Violation
	closestFits := false
	for _, ref := range branches {
		vs, fits := ex.branch(part, ref, se.Value, prefix)
		all = append(all, vs...)
		better := closest == nil || (fits && !closestFits) || (fits == closestFits && len(vs) < len(closest))
		if len(vs) > 0 && better {
			closest, closestFits = vs, fits
		}
	}
	if se.SchemaField == "allOf" {
		return all
	}
	for i := range closest {
		closest[i].Reason += note
	}
	return closest
}

// branch validates value against one branch and returns its violations,
// their pointers prefixed with the branch's place in the body, and whether
// the value is at least of the branch's type.
func (ex exchange) branch(part string, ref *openapi3.SchemaRef, value any, prefix string) ([]Violation, bool) {
	if ref == nil || ref.Value == nil {
		return nil, false
	}
	opts := []openapi3.SchemaValidationOption{openapi3.MultiErrors(), openapi3.VisitAsResponse()}
	if strings.HasPrefix(part, "request") {
		opts[1] = openapi3.VisitAsRequest()
	}
	err := ref.Value.VisitJSON(value, opts...)
	if err == nil {
		return nil, true
	}
	vs := ex.schemaViolations(part, err)
	for i := range vs {
		vs[i].Pointer = prefix + vs[i].Pointer
	}
	return vs, !wrongType(err)
}

// wrongType reports whether err says the value itself, not a field of it,
// has another type than the schema's.
func wrongType(err error) bool {
	var se *openapi3.SchemaError
	return errors.As(err, &se) && se.SchemaField == "type" && len(se.JSONPointer()) == 0
}

// discriminated narrows the branches to the one the discriminator names for
// value, as the validator does, and describes the choice, such as
// type "file"; it returns "" when the discriminator names none.
func discriminated(d *openapi3.Discriminator, value any, branches openapi3.SchemaRefs) (openapi3.SchemaRefs, string) {
	obj, _ := value.(map[string]any)
	name, _ := obj[propertyName(d)].(string)
	mapped, ok := mapping(d)[name]
	if !ok {
		return nil, ""
	}
	for _, ref := range branches {
		if ref != nil && ref.Ref == mapped.Ref {
			return openapi3.SchemaRefs{ref}, fmt.Sprintf("%s %q", d.PropertyName, name)
		}
	}
	return nil, ""
}

// propertyName is the discriminator's property, "" without one.
func propertyName(d *openapi3.Discriminator) string {
	if d == nil {
		return ""
	}
	return d.PropertyName
}

// mapping is the discriminator's mapping, nil without one.
func mapping(d *openapi3.Discriminator) map[string]openapi3.MappingRef {
	if d == nil {
		return nil
	}
	return d.Mapping
}
