package config

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// jsonSchema checks JSON values against the subset of JSON Schema that schema.json uses:
// $ref into $defs, type, properties, additionalProperties, propertyNames, items, enum, minimum,
// maximum, minLength and maxLength. A keyword it does not know is itself a problem, so the schema cannot outgrow it.
type jsonSchema struct {
	root map[string]any
}

// known are the keywords the checker understands or that carry no constraint.
var known = []string{
	"$schema", "$defs", "$ref", "title", "description", "default", "type", "properties",
	"additionalProperties", "propertyNames", "items", "enum", "minimum", "maximum", "minLength", "maxLength",
}

// resolve follows a $ref of the form #/$defs/NAME.
func (s jsonSchema) resolve(node map[string]any) map[string]any {
	ref, ok := node["$ref"].(string)
	if !ok {
		return node
	}
	defs, _ := s.root["$defs"].(map[string]any)
	target, _ := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	return target
}

// check returns every problem of value against node, each prefixed with its JSON pointer.
func (s jsonSchema) check(node map[string]any, value any, ptr string) []string {
	node = s.resolve(node)
	if node == nil {
		return []string{ptr + ": unresolved $ref"}
	}
	var errs []string
	for key := range node {
		if !slices.Contains(known, key) {
			errs = append(errs, fmt.Sprintf("%s: schema keyword %s is not supported", ptr, key))
		}
	}
	if enum, ok := node["enum"].([]any); ok && !slices.Contains(enum, value) {
		errs = append(errs, fmt.Sprintf("%s: %v is not one of %v", ptr, value, enum))
	}
	if typ, ok := node["type"].(string); ok && typeOf(value) != typ {
		return append(errs, fmt.Sprintf("%s: %s, want %s", ptr, typeOf(value), typ))
	}
	switch v := value.(type) {
	case map[string]any:
		errs = append(errs, s.checkObject(node, v, ptr)...)
	case []any:
		for i, item := range v {
			if items, ok := node["items"].(map[string]any); ok {
				errs = append(errs, s.check(items, item, fmt.Sprintf("%s/%d", ptr, i))...)
			}
		}
	case float64:
		errs = append(errs, checkRange(node, v, ptr)...)
	case string:
		errs = append(errs, checkLength(node, v, ptr)...)
	}
	return errs
}

// checkRange checks a number against minimum and maximum.
func checkRange(node map[string]any, v float64, ptr string) []string {
	var errs []string
	if min, ok := node["minimum"].(float64); ok && v < min {
		errs = append(errs, fmt.Sprintf("%s: %v is less than %v", ptr, v, min))
	}
	if max, ok := node["maximum"].(float64); ok && v > max {
		errs = append(errs, fmt.Sprintf("%s: %v is more than %v", ptr, v, max))
	}
	return errs
}

// checkLength checks a string's length in characters against minLength and maxLength.
func checkLength(node map[string]any, v string, ptr string) []string {
	var errs []string
	n := float64(utf8.RuneCountInString(v))
	if min, ok := node["minLength"].(float64); ok && n < min {
		errs = append(errs, fmt.Sprintf("%s: %q is shorter than %v", ptr, v, min))
	}
	if max, ok := node["maxLength"].(float64); ok && n > max {
		errs = append(errs, fmt.Sprintf("%s: %q is longer than %v", ptr, v, max))
	}
	return errs
}

// checkObject checks an object's properties, additionalProperties and propertyNames.
func (s jsonSchema) checkObject(node, obj map[string]any, ptr string) []string {
	var errs []string
	props, _ := node["properties"].(map[string]any)
	for _, key := range sortedKeys(obj) {
		if names, ok := node["propertyNames"].(map[string]any); ok {
			errs = append(errs, s.check(names, key, ptr+"/"+key+"(name)")...)
		}
		sub, ok := props[key].(map[string]any)
		if !ok {
			sub, ok = node["additionalProperties"].(map[string]any)
		}
		if !ok {
			if node["additionalProperties"] == false {
				errs = append(errs, fmt.Sprintf("%s/%s: property not allowed", ptr, key))
			}
			continue
		}
		errs = append(errs, s.check(sub, obj[key], ptr+"/"+key)...)
	}
	return errs
}

// typeOf names the JSON Schema type of a value decoded by encoding/json.
func typeOf(v any) string {
	switch v := v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case float64:
		if v == math.Trunc(v) {
			return "integer"
		}
		return "number"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// sortedKeys returns a map's keys in order, so problems come out in a stable order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
