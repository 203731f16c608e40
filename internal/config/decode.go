package config

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// decoder walks a policy document's nodes and collects every problem with its position.
type decoder struct {
	file string
	errs []Error
}

// field is one fixed key of a mapping and how to decode its value under a key path.
type field struct {
	name   string
	decode func(n *yaml.Node, key string)
}

// fail records a problem at node n.
func (d *decoder) fail(n *yaml.Node, key, format string, args ...any) {
	d.errs = append(d.errs, Error{File: d.file, Line: n.Line, Col: n.Column, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// fields decodes a mapping whose keys are the fixed set fs.
func (d *decoder) fields(n *yaml.Node, path string, fs []field) {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	valid := "valid keys: " + strings.Join(names, ", ")
	d.entries(n, path, valid, func(k, v *yaml.Node, key string) {
		for _, f := range fs {
			if f.name == k.Value {
				f.decode(v, key)
				return
			}
		}
		if hint, ok := keyHints[key]; ok {
			d.fail(k, key, "unknown key; %s; %s", hint, valid)
			return
		}
		d.fail(k, key, "unknown key; %s", valid)
	})
}

// keyHints explain unknown keys that a policy author could expect to exist.
var keyHints = map[string]string{
	"release.maintenance":     "release and maintenance branches are the glob branches.release",
	"incident.notify_webhook": "the webhook URL is a secret: pass it as the notify_webhook input, never in the policy",
	"incident.webhook":        "the webhook URL is a secret: pass it as the notify_webhook input, never in the policy",
}

// entries calls fn once for each key of the mapping n. It reports a node that is not a mapping,
// a key that is not a plain scalar, and a duplicate key. A null node is an unset value.
func (d *decoder) entries(n *yaml.Node, path, valid string, fn func(k, v *yaml.Node, key string)) {
	m := resolve(n)
	if isNull(m) {
		return
	}
	if m.Kind != yaml.MappingNode {
		d.fail(n, path, "want a mapping, got %s; %s", describe(m), valid)
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := resolve(m.Content[i])
		if k.Kind != yaml.ScalarNode {
			d.fail(k, path, "want a plain key, got %s; %s", describe(k), valid)
			continue
		}
		key := joinKey(path, k.Value)
		if line, dup := seen[k.Value]; dup {
			d.fail(k, key, "duplicate key; first set on line %d", line)
			continue
		}
		seen[k.Value] = k.Line
		fn(k, m.Content[i+1], key)
	}
}

// integer decodes an integer of at least min into dst.
func (d *decoder) integer(n *yaml.Node, key string, min int, dst *int) {
	d.between(n, key, min, 0, dst)
}

// between decodes an integer from min to max into dst; a max of 0 means no upper bound.
func (d *decoder) between(n *yaml.Node, key string, min, max int, dst *int) {
	v := resolve(n)
	if isNull(v) {
		return
	}
	var i int
	ok := v.Kind == yaml.ScalarNode && v.ShortTag() == "!!int" && v.Decode(&i) == nil && i >= min
	switch {
	case max == 0 && !ok:
		d.fail(n, key, "want an integer >= %d, got %s", min, describe(v))
	case max != 0 && (!ok || i > max):
		d.fail(n, key, "want an integer from %d to %d, got %s", min, max, describe(v))
	default:
		*dst = i
	}
}

// boolean decodes true or false into dst.
func (d *decoder) boolean(n *yaml.Node, key string, dst **bool) {
	v := resolve(n)
	if isNull(v) {
		return
	}
	var b bool
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || v.Decode(&b) != nil {
		d.fail(n, key, "want true or false, got %s", describe(v))
		return
	}
	*dst = &b
}

// flag decodes true or false into a plain bool, for a key whose default is false.
func (d *decoder) flag(n *yaml.Node, key string, dst *bool) {
	var b *bool
	d.boolean(n, key, &b)
	if b != nil {
		*dst = *b
	}
}

// str decodes a string into dst after check, which returns why the string is not valid, or "".
func (d *decoder) str(n *yaml.Node, key string, check func(string) string, dst *string) {
	v := resolve(n)
	if isNull(v) {
		return
	}
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
		d.fail(n, key, "want a string, got %s", describe(v))
		return
	}
	if why := check(v.Value); why != "" {
		d.fail(n, key, "%s", why)
		return
	}
	*dst = v.Value
}

// globs decodes a list of path globs into dst.
func (d *decoder) globs(n *yaml.Node, key string, dst *[]string) {
	d.list(n, key, "path globs", checkPathGlob, dst)
}

// list decodes a list of strings, each passing check, into dst; what names the items. An empty
// item ("- " alone) is checked as the empty string, since null means no value.
func (d *decoder) list(n *yaml.Node, key, what string, check func(string) string, dst *[]string) {
	v := resolve(n)
	if isNull(v) {
		return
	}
	if v.Kind != yaml.SequenceNode {
		d.fail(n, key, "want a list of %s, got %s", what, describe(v))
		return
	}
	list := make([]string, 0, len(v.Content))
	for i, item := range v.Content {
		var s string
		itemKey := fmt.Sprintf("%s[%d]", key, i)
		if why := check(""); isNull(resolve(item)) && why != "" {
			d.fail(item, itemKey, "%s", why)
		}
		d.str(item, itemKey, check, &s)
		list = append(list, s)
	}
	*dst = list
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// isNull reports whether n is an absent or null value, which leaves the default in place.
func isNull(n *yaml.Node) bool {
	return n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// describe names what a node holds, for an error message.
func describe(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind != yaml.ScalarNode:
		return "an alias"
	case n.ShortTag() == "!!str":
		return "the string " + quote(n.Value)
	case n.ShortTag() == "!!null":
		return "null"
	}
	return shorten(n.Value)
}

// quote quotes s for a message.
func quote(s string) string {
	return fmt.Sprintf("%q", shorten(s))
}

// shorten cuts s to 40 characters, so a message stays one readable line.
func shorten(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}

// joinKey appends a key to a key path.
func joinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
