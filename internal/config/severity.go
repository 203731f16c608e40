package config

import (
	"slices"
	"strings"
)

// SeverityLabelPrefix starts the label that carries an incident's or a hotfix's severity.
const SeverityLabelPrefix = "severity/"

// LabelSeverity is the severity that a set of label names carries: the first severity/P* label
// naming one of Severities, matched without regard to case as GitHub matches label names, so
// "Severity/p1" is P1; "" when there is none.
func LabelSeverity(names []string) string {
	for _, name := range names {
		rest, ok := strings.CutPrefix(strings.ToLower(name), SeverityLabelPrefix)
		if sev := strings.ToUpper(rest); ok && slices.Contains(Severities, sev) {
			return sev
		}
	}
	return ""
}
