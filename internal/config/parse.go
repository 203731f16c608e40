package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// MaxSize is the largest policy file Parse accepts, in bytes.
const MaxSize = 1 << 20

// Parse reads a policy file's YAML on top of Default(). It checks every key and value up front
// and returns all problems at once as an *Errors; file names the file in those errors.
// An empty file, or one of only comments, gives the defaults.
func Parse(file string, data []byte) (Policy, error) {
	p := Default()
	d := &decoder{file: file}
	root, err := document(data)
	if err != nil {
		d.errs = append(d.errs, syntaxError(file, err))
		return Policy{}, &Errors{List: d.errs}
	}
	if root != nil {
		d.fields(root, "", d.policyFields(&p))
	}
	if len(d.errs) > 0 {
		return Policy{}, d.problems()
	}
	return p, nil
}

// maxProblems is how many problems Parse lists before it counts the rest.
const maxProblems = 100

// problems returns the collected problems, the first maxProblems of them and a count of the rest.
func (d *decoder) problems() *Errors {
	list := d.errs
	if len(list) > maxProblems {
		next := list[maxProblems]
		more := Error{File: d.file, Line: next.Line, Col: next.Col, Msg: fmt.Sprintf("%d more problems not shown", len(list)-maxProblems)}
		list = append(list[:maxProblems:maxProblems], more)
	}
	return &Errors{List: list}
}

// document parses data into the root node of its only YAML document; nil means an empty file.
func document(data []byte) (root *yaml.Node, err error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("file is %d bytes; the limit is %d", len(data), MaxSize)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var next yaml.Node
	if err := dec.Decode(&next); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(next.Content) > 0 && !isNull(next.Content[0]) {
		return nil, fmt.Errorf("line %d: a second YAML document starts here; a policy file holds one", next.Content[0].Line)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// yamlLine finds the line number in a yaml.v3 error message.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:yaml: )?line (\d+): `) })

// syntaxError turns a YAML syntax error into an Error at its line; yaml.v3 reports no column.
func syntaxError(file string, err error) Error {
	msg := err.Error()
	line := 1
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	if strings.HasPrefix(err.Error(), "yaml: ") {
		msg = "not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")
	}
	return Error{File: file, Line: line, Msg: msg}
}

// policyFields are the top-level keys.
func (d *decoder) policyFields(p *Policy) []field {
	return []field{
		{"branches", func(n *yaml.Node, key string) { d.fields(n, key, d.branchFields(&p.Branches)) }},
		{"guard", func(n *yaml.Node, key string) { d.fields(n, key, d.guardFields(&p.Guard)) }},
		{"release", func(n *yaml.Node, key string) { d.fields(n, key, d.releaseFields(&p.Release)) }},
		{"backport", func(n *yaml.Node, key string) { d.fields(n, key, d.backportFields(&p.Backport)) }},
		{"postmortem", func(n *yaml.Node, key string) { d.fields(n, key, d.postmortemFields(&p.Postmortem)) }},
		{"verify", func(n *yaml.Node, key string) { d.fields(n, key, d.verifyFields(&p.Verify)) }},
		{"incident", func(n *yaml.Node, key string) { d.fields(n, key, d.incidentFields(&p.Incident)) }},
		{"deploy", func(n *yaml.Node, key string) { d.fields(n, key, d.deployFields(&p.Deploy)) }},
		{"status_page", func(n *yaml.Node, key string) { d.fields(n, key, d.statusPageFields(&p.StatusPage)) }},
	}
}

// branchFields are the keys under branches.
func (d *decoder) branchFields(b *Branches) []field {
	return []field{
		{"production", func(n *yaml.Node, key string) { d.str(n, key, checkBranch, &b.Production) }},
		{"develop", func(n *yaml.Node, key string) { d.str(n, key, checkBranch, &b.Develop) }},
		{"hotfix", func(n *yaml.Node, key string) { d.str(n, key, checkBranchGlob, &b.Hotfix) }},
		{"release", func(n *yaml.Node, key string) { d.str(n, key, checkBranchGlob, &b.Release) }},
	}
}

// guardFields are the keys under guard: the base limits, which must be at least 1, and the rest.
func (d *decoder) guardFields(g *Guard) []field {
	return append(d.limitFields(&g.Limits, 1),
		field{"allow", func(n *yaml.Node, key string) { d.globs(n, key, &g.Allow) }},
		field{"deny", func(n *yaml.Node, key string) { d.globs(n, key, &g.Deny) }},
		field{"default_deny", func(n *yaml.Node, key string) { d.boolean(n, key, &g.DefaultDeny) }},
		field{"rules", func(n *yaml.Node, key string) { d.rules(n, key, g.Rules) }},
		field{"severity", func(n *yaml.Node, key string) { d.severity(n, key, g.Severity) }},
		field{"override_label", func(n *yaml.Node, key string) { d.str(n, key, checkLabel, &g.OverrideLabel) }},
	)
}

// limitFields are the numeric limits, each at least min.
func (d *decoder) limitFields(l *Limits, min int) []field {
	return []field{
		{"max_lines", func(n *yaml.Node, key string) { d.integer(n, key, min, &l.MaxLines) }},
		{"max_files", func(n *yaml.Node, key string) { d.integer(n, key, min, &l.MaxFiles) }},
		{"max_commits", func(n *yaml.Node, key string) { d.integer(n, key, min, &l.MaxCommits) }},
	}
}

// rules decodes guard.rules, a mapping of rule id to level, into levels.
func (d *decoder) rules(n *yaml.Node, path string, levels map[string]Level) {
	valid := "valid rules: " + strings.Join(RuleIDs, ", ")
	d.entries(n, path, valid, func(k, v *yaml.Node, key string) {
		if !slices.Contains(RuleIDs, k.Value) {
			d.fail(k, key, "unknown rule; %s", valid)
			return
		}
		var s string
		d.str(v, key, checkLevel, &s)
		if s != "" {
			levels[k.Value] = Level(s)
		}
	})
}

// severity decodes guard.severity, a mapping of severity to limit overrides, into over.
// An override keeps the default's values for the keys it does not set.
func (d *decoder) severity(n *yaml.Node, path string, over map[string]Limits) {
	valid := "valid severities: " + strings.Join(Severities, ", ")
	d.entries(n, path, valid, func(k, v *yaml.Node, key string) {
		if !slices.Contains(Severities, k.Value) {
			d.fail(k, key, "unknown severity; %s", valid)
			return
		}
		l := over[k.Value]
		d.fields(v, key, d.limitFields(&l, 0))
		over[k.Value] = l
	})
}

// checkLevel returns why s is not a rule level, or "".
func checkLevel(s string) string {
	levels := []string{string(LevelError), string(LevelWarn), string(LevelOff)}
	if slices.Contains(levels, s) {
		return ""
	}
	return "level " + quote(s) + " is not valid; valid levels: " + strings.Join(levels, ", ")
}
