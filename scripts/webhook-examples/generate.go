package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// catalogue is the package's api.github.com/index.json: one entry per event, with its examples.
type catalogue []struct {
	Name     string           `json:"name"`
	Examples []map[string]any `json:"examples"`
}

// generate writes every payload in examples, the README that documents them, and the licence.
func generate(pkg, out string) error {
	cat, err := readCatalogue(pkg)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, ex := range examples {
		if err := writeExample(cat, ex, out); err != nil {
			return fmt.Errorf("%s: %w", ex.File, err)
		}
	}
	if err := os.WriteFile(filepath.Join(out, "README.md"), readme(), 0o644); err != nil {
		return err
	}
	return writeLicence(pkg, out)
}

// readCatalogue reads the examples for github.com (not GHES).
func readCatalogue(pkg string) (catalogue, error) {
	data, err := os.ReadFile(filepath.Join(pkg, "api.github.com", "index.json"))
	if err != nil {
		return nil, err
	}
	var cat catalogue
	if err := json.Unmarshal(data, &cat); err != nil {
		return nil, fmt.Errorf("parse %s index.json: %w", packageName, err)
	}
	return cat, nil
}

// pick returns a copy of the nth example of event whose action is action ("" for events
// without actions).
func (c catalogue) pick(event, action string, nth int) (map[string]any, error) {
	for _, e := range c {
		if e.Name != event {
			continue
		}
		seen := 0
		for _, x := range e.Examples {
			if a, _ := x["action"].(string); a != action {
				continue
			}
			if seen == nth {
				return deepCopy(x)
			}
			seen++
		}
	}
	return nil, fmt.Errorf("no example %d of %s with action %q in %s", nth, event, action, packageName)
}

// deepCopy copies a decoded JSON value by encoding it again, so edits never reach the catalogue.
func deepCopy(x map[string]any) (map[string]any, error) {
	data, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, json.Unmarshal(data, &out)
}

// writeExample picks an example, applies its edits and writes it as indented JSON.
func writeExample(cat catalogue, ex example, out string) error {
	x, err := cat.pick(ex.Event, ex.Action, ex.Nth)
	if err != nil {
		return err
	}
	for _, e := range ex.Edits {
		if err := set(x, e.Path, e.Value); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(x); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, ex.File), buf.Bytes(), 0o644)
}

// set replaces the value at a dotted path such as "pull_request.head.ref". Every object on the
// way must exist, so a typo in a path is an error rather than a new key.
func set(x map[string]any, path string, v any) error {
	keys := strings.Split(path, ".")
	for _, k := range keys[:len(keys)-1] {
		next, ok := x[k].(map[string]any)
		if !ok {
			return fmt.Errorf("edit %s: %q is not an object", path, k)
		}
		x = next
	}
	last := keys[len(keys)-1]
	if _, ok := x[last]; !ok && !strings.HasPrefix(last, "+") {
		return fmt.Errorf("edit %s: no key %q (prefix it with + to add one)", path, last)
	}
	delete(x, last)
	if _, ok := v.(removed); !ok {
		x[strings.TrimPrefix(last, "+")] = v
	}
	return nil
}
