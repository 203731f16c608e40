package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// recorded is one interaction as nock recorded it in normalized-fixture.json.
type recorded struct {
	Method   string          `json:"method"`
	Path     string          `json:"path"`
	Body     json.RawMessage `json:"body"`
	Status   int             `json:"status"`
	Response json.RawMessage `json:"response"`
	Headers  map[string]any  `json:"headers"`
}

// Interaction is one request and its response, as written for the tests.
type Interaction struct {
	Method      string            `json:"method"`
	Path        string            `json:"path"`
	Query       string            `json:"query,omitempty"`
	RequestBody json.RawMessage   `json:"request_body,omitempty"`
	Status      int               `json:"status"`
	Headers     map[string]string `json:"headers,omitempty"`
	Response    json.RawMessage   `json:"response,omitempty"`
}

// Scenario is one output file.
type Scenario struct {
	Scenario     string        `json:"scenario"`
	Source       string        `json:"source"`
	License      string        `json:"license"`
	Interactions []Interaction `json:"interactions"`
}

// generate writes every scenario and the licence into out.
func generate(pkg, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	licence, err := os.ReadFile(filepath.Join(pkg, "LICENSE.md"))
	if err != nil {
		return fmt.Errorf("read licence of %s: %w", packageName, err)
	}
	if err := os.WriteFile(filepath.Join(out, licenceName), licence, 0o644); err != nil {
		return err
	}
	for _, name := range scenarios {
		if err := convert(pkg, name, out); err != nil {
			return err
		}
	}
	return nil
}

// convert reads one scenario's normalized fixture and writes NAME.json.
func convert(pkg, name, out string) error {
	rel := filepath.Join("scenarios", "api.github.com", name, "normalized-fixture.json")
	data, err := os.ReadFile(filepath.Join(pkg, rel))
	if err != nil {
		return err
	}
	var recs []recorded
	if err := json.Unmarshal(data, &recs); err != nil {
		return fmt.Errorf("decode %s: %w", rel, err)
	}
	s := Scenario{
		Scenario: name,
		Source:   fmt.Sprintf("%s %s, %s", packageName, packageVersion, filepath.ToSlash(rel)),
		License:  "MIT, see " + licenceName,
	}
	for _, r := range recs {
		s.Interactions = append(s.Interactions, interaction(r))
	}
	return writeJSON(filepath.Join(out, name+".json"), s)
}

// interaction keeps what the tests compare from one recording.
func interaction(r recorded) Interaction {
	path, query, _ := strings.Cut(r.Path, "?")
	in := Interaction{Method: strings.ToUpper(r.Method), Path: path, Query: query, Status: r.Status}
	if q, err := url.ParseQuery(query); err == nil {
		in.Query = q.Encode()
	}
	if !emptyJSON(r.Body) {
		in.RequestBody = r.Body
	}
	if !emptyJSON(r.Response) {
		in.Response = r.Response
	}
	for _, h := range keptHeaders {
		if v, ok := r.Headers[h].(string); ok {
			if in.Headers == nil {
				in.Headers = map[string]string{}
			}
			in.Headers[h] = v
		}
	}
	return in
}

// emptyJSON reports whether raw is absent or the empty string.
func emptyJSON(raw json.RawMessage) bool {
	s := string(bytes.TrimSpace(raw))
	return s == "" || s == `""` || s == "null"
}

// writeJSON writes v indented, without HTML escaping.
func writeJSON(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
