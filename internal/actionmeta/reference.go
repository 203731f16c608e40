package actionmeta

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Markers enclose the generated reference in README.md; Splice replaces what lies between them.
const (
	BeginMarker = "<!-- actiondocs:begin (generated from action.yml by `go run ./scripts/actiondocs`; do not edit) -->"
	EndMarker   = "<!-- actiondocs:end -->"
)

// Uses is how a workflow in another repository names the action at path: repo@ref for the root
// action, repo/dir@ref for one in a directory.
func Uses(repo, ref, file string) string {
	dir := path.Dir(file)
	if dir == "." {
		return repo + "@" + ref
	}
	return repo + "/" + dir + "@" + ref
}

// Reference renders the input and output reference of actions, in the order given, as Markdown.
func Reference(repo, ref string, actions []Metadata) string {
	var b strings.Builder
	for i, m := range actions {
		if i > 0 {
			b.WriteString("\n")
		}
		writeAction(&b, repo, ref, m)
	}
	return b.String()
}

// writeAction renders one action's section.
func writeAction(b *strings.Builder, repo, ref string, m Metadata) {
	fmt.Fprintf(b, "### `%s`\n\n%s\n\n", Uses(repo, ref, m.Path), cell(m.Description))
	if c := m.Command(); c != "" {
		fmt.Fprintf(b, "Runs `hotfix %s` in the image `%s`.\n\n", c, strings.TrimPrefix(m.Runs.Image, "docker://"))
	}
	if len(m.Inputs) == 0 {
		b.WriteString("Inputs: none.\n\n")
	} else {
		b.WriteString("| Input | Required | Default | Description |\n|---|---|---|---|\n")
		for _, in := range m.Inputs {
			fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", in.Name, yesNo(in.Required), code(in.Default), cell(in.Description))
		}
		b.WriteString("\n")
	}
	if len(m.Outputs) == 0 {
		b.WriteString("Outputs: none.\n")
		return
	}
	b.WriteString("| Output | Description |\n|---|---|\n")
	for _, out := range m.Outputs {
		fmt.Fprintf(b, "| `%s` | %s |\n", out.Name, cell(out.Description))
	}
}

// cell makes text fit one table cell: one line, with pipes escaped.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// code shows a default value as code, or a dash for none.
func code(s string) string {
	if s == "" {
		return "–"
	}
	return "`" + cell(s) + "`"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Splice puts generated between the markers in doc, replacing what was there.
func Splice(doc, generated string) (string, error) {
	begin := strings.Index(doc, BeginMarker)
	end := strings.Index(doc, EndMarker)
	if begin < 0 || end < begin {
		return "", errors.New("the document lacks the markers " + BeginMarker + " and " + EndMarker + ", in that order")
	}
	return doc[:begin+len(BeginMarker)] + "\n\n" + generated + "\n" + doc[end:], nil
}

// Repository is the owner/name that workflows use the actions from.
const Repository = "incident-hotfix/incident-hotfix"

// Generate renders the reference of the actions under root, named at the major tag of the version
// in root/VERSION (v1 for v1.2.3), the tag users pin.
func Generate(root string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(root, "VERSION"))
	if err != nil {
		return "", err
	}
	version := strings.TrimSpace(string(raw))
	major, _, _ := strings.Cut(version, ".")
	all, err := LoadAll(root)
	if err != nil {
		return "", err
	}
	return Reference(Repository, major, all), nil
}
