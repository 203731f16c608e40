package config

import (
	"errors"
	"testing"
)

// invalidCase is a policy text and the one error Parse must give for it.
type invalidCase struct{ text, want string }

// checkInvalid parses each case and checks its exact error, and that it matches ErrInvalid.
func checkInvalid(t *testing.T, cases map[string]invalidCase) {
	t.Helper()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse("f.yml", []byte(tc.text))
			if err == nil {
				t.Fatalf("Parse(%q) = nil error, want %q", tc.text, tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Parse(%q) error\n got: %s\nwant: %s", tc.text, got, tc.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("errors.Is(%v, ErrInvalid) = false, want true", err)
			}
		})
	}
}
