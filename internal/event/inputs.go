package event

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// decodeInputs reads workflow_dispatch inputs as text. GitHub sends string and choice inputs as
// strings and boolean inputs as true or false; a number is kept as written and null becomes "".
// An object or array is an error naming the input. See
// https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#workflow_dispatch
func decodeInputs(raw json.RawMessage) (map[string]string, error) {
	inputs := map[string]string{}
	if len(bytes.TrimSpace(raw)) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return inputs, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, fmt.Errorf("inputs: not an object of name to value: %w", err)
	}
	var bad []string
	for name, v := range fields {
		s, ok := inputText(v)
		if !ok {
			bad = append(bad, name)
			continue
		}
		inputs[name] = s
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, fmt.Errorf("inputs %s: a value must be a string, boolean or number", strings.Join(bad, ", "))
	}
	return inputs, nil
}

// inputText renders one input value as text.
func inputText(v json.RawMessage) (string, bool) {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0:
		return "", false
	case v[0] == '"':
		var s string
		err := json.Unmarshal(v, &s)
		return s, err == nil
	case string(v) == "null":
		return "", true
	case string(v) == "true", string(v) == "false", v[0] == '-' || (v[0] >= '0' && v[0] <= '9'):
		return string(v), true
	}
	return "", false
}
