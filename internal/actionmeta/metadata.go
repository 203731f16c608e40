// Package actionmeta reads the metadata files of GitHub Actions (action.yml), keeping the order
// of inputs and outputs as written, checks the fields the Marketplace and the runner need, and
// renders the input and output reference that README.md carries.
//
// See https://docs.github.com/en/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions
package actionmeta

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Metadata is one action.yml.
type Metadata struct {
	// Path is the file the metadata was read from, relative to the repository root.
	Path        string   `yaml:"-"`
	Name        string   `yaml:"name"`
	Author      string   `yaml:"author"`
	Description string   `yaml:"description"`
	Inputs      Inputs   `yaml:"inputs"`
	Outputs     Outputs  `yaml:"outputs"`
	Runs        Runs     `yaml:"runs"`
	Branding    Branding `yaml:"branding"`
}

// Input is one input of an action. Its runner variable is INPUT_ and the upper-cased name.
type Input struct {
	Name               string `yaml:"-"`
	Description        string `yaml:"description"`
	Required           bool   `yaml:"required"`
	Default            string `yaml:"default"`
	DeprecationMessage string `yaml:"deprecationMessage"`
}

// Output is one output of an action.
type Output struct {
	Name        string `yaml:"-"`
	Description string `yaml:"description"`
	// Value is the expression a composite action's output takes; Docker actions leave it empty.
	Value string `yaml:"value"`
}

// Runs says how the action runs: a Docker image with its arguments, or composite steps.
type Runs struct {
	Using          string      `yaml:"using"`
	Image          string      `yaml:"image"`
	Entrypoint     string      `yaml:"entrypoint"`
	PreEntrypoint  string      `yaml:"pre-entrypoint"`
	PostEntrypoint string      `yaml:"post-entrypoint"`
	PreIf          string      `yaml:"pre-if"`
	PostIf         string      `yaml:"post-if"`
	Args           []string    `yaml:"args"`
	Env            yaml.Node   `yaml:"env"`
	Steps          []yaml.Node `yaml:"steps"`
	Main           string      `yaml:"main"`
	Pre            string      `yaml:"pre"`
	Post           string      `yaml:"post"`
}

// Branding is the Marketplace icon and colour.
type Branding struct {
	Icon  string `yaml:"icon"`
	Color string `yaml:"color"`
}

// Inputs are an action's inputs in the order the file lists them.
type Inputs []Input

// Outputs are an action's outputs in the order the file lists them.
type Outputs []Output

// UnmarshalYAML reads the inputs mapping in order.
func (in *Inputs) UnmarshalYAML(node *yaml.Node) error {
	return eachEntry(node, func(name string, value *yaml.Node) error {
		i := Input{Name: name}
		if err := value.Decode(&i); err != nil {
			return err
		}
		*in = append(*in, i)
		return nil
	})
}

// UnmarshalYAML reads the outputs mapping in order.
func (out *Outputs) UnmarshalYAML(node *yaml.Node) error {
	return eachEntry(node, func(name string, value *yaml.Node) error {
		o := Output{Name: name}
		if err := value.Decode(&o); err != nil {
			return err
		}
		*out = append(*out, o)
		return nil
	})
}

// eachEntry calls fn for each key of a mapping node, in order.
func eachEntry(node *yaml.Node, fn func(name string, value *yaml.Node) error) error {
	if node.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: want a mapping of names", node.Line)
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		if err := fn(node.Content[i].Value, node.Content[i+1]); err != nil {
			return fmt.Errorf("line %d: %s: %w", node.Content[i].Line, node.Content[i].Value, err)
		}
	}
	return nil
}

// Parse reads metadata from data; path names it in errors and in the result. Unknown keys are
// errors, as they are for the runner.
func Parse(path string, data []byte) (Metadata, error) {
	var m Metadata
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return Metadata{}, fmt.Errorf("%s: %w", path, err)
	}
	m.Path = path
	return m, nil
}

// Load reads the metadata file at root/path.
func Load(root, path string) (Metadata, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(path)))
	if err != nil {
		return Metadata{}, err
	}
	return Parse(path, data)
}

// Command is the hotfix command a Docker action runs: its first argument; "" for other actions.
func (m Metadata) Command() string {
	if m.Runs.Using != "docker" || len(m.Runs.Args) == 0 {
		return ""
	}
	return m.Runs.Args[0]
}

// Input finds the input called name.
func (m Metadata) Input(name string) (Input, bool) {
	for _, in := range m.Inputs {
		if in.Name == name {
			return in, true
		}
	}
	return Input{}, false
}

// LoadAll reads the root action.yml and every actions/*/action.yml under root, the root first and
// the others in order of their directory names.
func LoadAll(root string) ([]Metadata, error) {
	paths, err := filepath.Glob(filepath.Join(root, "actions", "*", "action.yml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	all := make([]Metadata, 0, len(paths)+1)
	for _, p := range append([]string{filepath.Join(root, "action.yml")}, paths...) {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil, err
		}
		m, err := Load(root, filepath.ToSlash(rel))
		if err != nil {
			return nil, err
		}
		all = append(all, m)
	}
	return all, nil
}
