package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// document is a JSON object read from the description, numbers kept verbatim.
type document = map[string]any

// generate reads the description inside the package directory pkg and writes
// the subset and the licence into out.
func generate(pkg, out string) error {
	full, err := readJSON(filepath.Join(pkg, filepath.FromSlash(descriptionRel)))
	if err != nil {
		return err
	}
	subset, err := extract(full)
	if err != nil {
		return err
	}
	licence, err := os.ReadFile(filepath.Join(pkg, "LICENSE"))
	if err != nil {
		return fmt.Errorf("read licence of %s: %w", packageName, err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, licenceName), licence, 0o644); err != nil {
		return err
	}
	return writeJSON(filepath.Join(out, outputName), subset)
}

// extract builds the subset: the info block, the listed operations and the
// components they reach.
func extract(full document) (document, error) {
	paths, err := keptPaths(full)
	if err != nil {
		return nil, err
	}
	components, err := reachable(full, paths)
	if err != nil {
		return nil, err
	}
	return document{
		"openapi":    full["openapi"],
		"info":       info(full),
		"servers":    full["servers"],
		"paths":      paths,
		"components": components,
	}, nil
}

// info names the source, its version and its licence.
func info(full document) document {
	src, _ := full["info"].(document)
	return document{
		"title":   "GitHub REST API, the subset used by incident-hotfix",
		"version": src["version"],
		"license": document{"name": "MIT", "url": "https://spdx.org/licenses/MIT"},
		"x-source": fmt.Sprintf("%s %s, %s: GitHub's REST API description "+
			"(github/rest-api-description, MIT, Copyright GitHub, Inc.) as republished by Octokit; "+
			"prose removed, only the operations incident-hotfix uses", packageName, packageVersion, descriptionRel),
		"x-license-file": licenceName,
	}
}

// keptPaths copies the listed operations, with their path-level parameters,
// out of the full description.
func keptPaths(full document) (document, error) {
	all, _ := full["paths"].(document)
	kept := document{}
	for _, e := range endpoints {
		item, _ := all[e.Path].(document)
		op, ok := item[e.Method]
		if !ok {
			return nil, fmt.Errorf("operation %s %s is not in %s", strings.ToUpper(e.Method), e.Path, descriptionRel)
		}
		dst, _ := kept[e.Path].(document)
		if dst == nil {
			dst = document{}
			if params, ok := item["parameters"]; ok {
				dst["parameters"] = strip(params, false)
			}
			kept[e.Path] = dst
		}
		dst[e.Method] = strip(op, false)
	}
	return kept, nil
}

// readJSON decodes a JSON file, keeping numbers as written.
func readJSON(path string) (document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc document
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return doc, nil
}

// writeJSON writes v indented, with sorted keys and without HTML escaping.
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
