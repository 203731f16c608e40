package cli

import (
	"strings"
)

// repeated is a flag that may be given more than once; it keeps every value in order.
type repeated []string

func (r *repeated) String() string { return strings.Join(*r, ",") }

// Set adds one value.
func (r *repeated) Set(v string) error {
	*r = append(*r, v)
	return nil
}
