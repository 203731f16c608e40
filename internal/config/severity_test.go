package config

import "testing"

func TestLabelSeverity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		labels []string
		want   string
	}{
		{"none", nil, ""},
		{"exact", []string{"hotfix", "severity/P1"}, "P1"},
		{"any case", []string{"Severity/p0"}, "P0"},
		{"not a severity", []string{"severity/urgent", "severity/P5"}, ""},
		{"first of two", []string{"severity/P2", "severity/P3"}, "P2"},
		{"prefix only", []string{"severity/"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := LabelSeverity(tt.labels); got != tt.want {
				t.Errorf("LabelSeverity(%q) = %q, want %q", tt.labels, got, tt.want)
			}
		})
	}
}
