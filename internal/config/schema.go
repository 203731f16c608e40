package config

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the policy file, for editor completion and checks.
// A test keeps it in step with the Go types and Default().
//
//go:embed schema.json
var Schema []byte
