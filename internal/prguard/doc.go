// Package prguard is the guard on GitHub: the target of a pull request or push and its change
// set from the API (target.go, fork.go), the severity from the input or the labels
// (severity.go), the override label and what binds it to a head (override.go), and the commit
// status and the one PR comment (outcome.go, publish.go). The rules themselves are
// internal/guard's, which links no HTTP client.
package prguard
