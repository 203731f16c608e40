package runner

import (
	"encoding/json"
	"io"
)

// WriteJSON prints v as the indented JSON document a command prints under --json, which a
// script or a later step reads from stdout.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
