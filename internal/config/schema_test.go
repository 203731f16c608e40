package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// loadSchema decodes the embedded schema.
func loadSchema(t *testing.T) jsonSchema {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(Schema, &root); err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	return jsonSchema{root: root}
}

// asJSON turns a Go value into what encoding/json decodes it to.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// yamlFields returns a struct's fields by yaml key, with inline structs flattened into it.
func yamlFields(typ reflect.Type) map[string]reflect.Type {
	fields := map[string]reflect.Type{}
	for f := range typ.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if opts == "inline" {
			for k, v := range yamlFields(f.Type) {
				fields[k] = v
			}
			continue
		}
		fields[name] = f.Type
	}
	return fields
}

// compareProperties checks that node has exactly the yaml fields of typ as properties, each with a
// description and the default that def holds, and recurses into structs and maps of structs.
func compareProperties(t *testing.T, s jsonSchema, node map[string]any, typ reflect.Type, def map[string]any, path string) {
	t.Helper()
	node = s.resolve(node)
	props, _ := node["properties"].(map[string]any)
	fields := yamlFields(typ)
	if diff := cmp.Diff(sortedKeys(props), sortedKeys(fields)); diff != "" {
		t.Errorf("%s: schema properties (-schema +Go type):\n%s", path, diff)
	}
	if node["additionalProperties"] != false {
		t.Errorf("%s: additionalProperties = %v, want false", path, node["additionalProperties"])
	}
	for name, ftype := range fields {
		prop, _ := props[name].(map[string]any)
		compareProperty(t, s, prop, ftype, def[name], path+"."+name)
	}
}

// compareProperty checks one property's description, default and, for nested types, its shape.
func compareProperty(t *testing.T, s jsonSchema, prop map[string]any, typ reflect.Type, def any, path string) {
	t.Helper()
	if prop == nil {
		return
	}
	if d, _ := prop["description"].(string); d == "" {
		t.Errorf("%s: no description", path)
	}
	if diff := cmp.Diff(prop["default"], def); diff != "" {
		t.Errorf("%s: schema default differs from Default() (-schema +Go):\n%s", path, diff)
	}
	switch typ.Kind() {
	case reflect.Struct:
		compareProperties(t, s, prop, typ, asMap(def), path)
	case reflect.Map:
		if typ.Elem().Kind() == reflect.Struct {
			extra, _ := prop["additionalProperties"].(map[string]any)
			zero := asJSON(t, reflect.New(typ.Elem()).Elem().Interface())
			compareProperties(t, s, extra, typ.Elem(), asMap(zero), path+".*")
		}
	}
}

// asMap returns v as a JSON object, or an empty one.
func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func TestSchemaMatchesTheGoTypes(t *testing.T) {
	t.Parallel()
	s := loadSchema(t)
	def := asJSON(t, Default()).(map[string]any)
	compareProperties(t, s, s.root, reflect.TypeFor[Policy](), def, "policy")
	defs := s.root["$defs"].(map[string]any)
	enums := map[string][]string{
		"ruleId":   RuleIDs,
		"severity": Severities,
		"level":    {string(LevelError), string(LevelWarn), string(LevelOff)},
		"conflict": Conflicts,
	}
	for name, want := range enums {
		got := asJSON(t, defs[name].(map[string]any)["enum"])
		if diff := cmp.Diff(got, asJSON(t, want)); diff != "" {
			t.Errorf("$defs.%s enum (-schema +Go):\n%s", name, diff)
		}
	}
}

func TestSchemaBoundsMatchTheParser(t *testing.T) {
	t.Parallel()
	s := loadSchema(t)
	props := s.root["properties"].(map[string]any)
	due := props["postmortem"].(map[string]any)["properties"].(map[string]any)["due_hours"].(map[string]any)
	label := s.root["$defs"].(map[string]any)["label"].(map[string]any)
	for name, tc := range map[string]struct {
		got  any
		want int
	}{
		"postmortem.due_hours maximum": {due["maximum"], maxDueHours},
		"$defs.label maxLength":        {label["maxLength"], MaxLabel},
	} {
		if got, want := tc.got, float64(tc.want); got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
}

func TestSchemaAcceptsValidPolicies(t *testing.T) {
	t.Parallel()
	s := loadSchema(t)
	example, err := os.ReadFile(filepath.Join("testdata", "example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var raw any
	if err := yaml.Unmarshal(example, &raw); err != nil {
		t.Fatal(err)
	}
	parsed, err := Parse("example.yml", example)
	if err != nil {
		t.Fatalf("Parse(example.yml): %v", err)
	}
	for name, doc := range map[string]any{
		"Default()":          asJSON(t, Default()),
		"example.yml as is":  asJSON(t, raw),
		"example.yml parsed": asJSON(t, parsed),
	} {
		if errs := s.check(s.root, doc, ""); len(errs) > 0 {
			t.Errorf("%s does not validate:\n%s", name, strings.Join(errs, "\n"))
		}
	}
}

func TestSchemaRejectsInvalidPolicies(t *testing.T) {
	t.Parallel()
	s := loadSchema(t)
	for text, want := range map[string]string{
		`{"guard": {"max_linez": 3}}`:                                   "/guard/max_linez: property not allowed",
		`{"guard": {"max_lines": 0}}`:                                   "/guard/max_lines: 0 is less than 1",
		`{"guard": {"max_lines": 1.5}}`:                                 "/guard/max_lines: number, want integer",
		`{"guard": {"allow": "src/**"}}`:                                "/guard/allow: string, want array",
		`{"guard": {"deny": [""]}}`:                                     `/guard/deny/0: "" is shorter than 1`,
		`{"guard": {"rules": {"max-line": "warn"}}}`:                    "/guard/rules/max-line(name): max-line is not one of",
		`{"guard": {"rules": {"deny": "fatal"}}}`:                       "/guard/rules/deny: fatal is not one of [error warn off]",
		`{"guard": {"severity": {"P1": {"x": 1}}}}`:                     "/guard/severity/P1/x: property not allowed",
		`{"guard": {"severity": {"P9": {}}}}`:                           "/guard/severity/P9(name): P9 is not one of [P0 P1 P2 P3]",
		`{"guard": {"default_deny": "yes"}}`:                            "/guard/default_deny: string, want boolean",
		`{"branches": {"production": ""}}`:                              `/branches/production: "" is shorter than 1`,
		`{"guard": {"severity": {"P1": {"max_files": -1}}}}`:            "/guard/severity/P1/max_files: -1 is less than 0",
		`{"guard": {"override_label": ""}}`:                             `/guard/override_label: "" is shorter than 1`,
		`{"release": {"maintenance": "release/*"}}`:                     "/release/maintenance: property not allowed",
		`{"release": {"prefix": 1}}`:                                    "/release/prefix: integer, want string",
		`{"release": {"require_verify": "no"}}`:                         "/release/require_verify: string, want boolean",
		`{"backport": {"targets": "develop"}}`:                          "/backport/targets: string, want array",
		`{"backport": {"labels": ["` + strings.Repeat("x", 51) + `"]}}`: "/backport/labels/0: \"" + strings.Repeat("x", 51) + "\" is longer than 50",
		`{"backport": {"conflict": "skip"}}`:                            "/backport/conflict: skip is not one of [fail warn]",
		`{"postmortem": {"due_hours": 0}}`:                              "/postmortem/due_hours: 0 is less than 1",
		`{"postmortem": {"due_hours": 8761}}`:                           "/postmortem/due_hours: 8761 is more than 8760",
		`{"postmortem": {"action_label": 3}}`:                           "/postmortem/action_label: integer, want string",
	} {
		var doc any
		if err := json.Unmarshal([]byte(text), &doc); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(s.check(s.root, doc, ""), "\n")
		if !strings.Contains(got, want) {
			t.Errorf("check(%s) = %q, want it to contain %q", text, got, want)
		}
	}
}
