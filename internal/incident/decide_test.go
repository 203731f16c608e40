package incident

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
)

// TestDecideCommand decides command comments from facts alone: no sandbox, no requests.
func TestDecideCommand(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	o := Options{Identity: "sandbox-bot", Scale: Severities, Now: func() time.Time { return now }}
	declared := Entry{V: Version, Type: Declared, Severity: "P1", Title: "Checkout fails", Commander: "ada", Time: now.Add(-time.Hour), ID: 1}
	applied := Entry{V: Version, Type: Status, State: Identified, Text: "bad deploy", Source: 42, Time: now.Add(-time.Minute), ID: 2}
	comment := func(id int64, login, body string) *github.IssueComment {
		return &github.IssueComment{ID: github.Int64(id), Body: github.String(body), User: &github.User{Login: github.String(login)}}
	}
	tests := []struct {
		name      string
		comment   *github.IssueComment
		facts     CommandFacts
		outcome   string
		entryType string
		reply     string
	}{
		{"a status from a writer", comment(42, "ada", "/status identified bad deploy"), CommandFacts{Entries: []Entry{declared}, MayCommand: true}, Applied, Status, ""},
		{"the same comment again", comment(42, "ada", "/status identified bad deploy"), CommandFacts{Entries: []Entry{declared, applied}, MayCommand: true}, AlreadyDone, Status, ""},
		{"a reader", comment(43, "mallory", "/resolve"), CommandFacts{Entries: []Entry{declared}}, Refused, "", "can only be given by collaborators with write access"},
		{"a reader already answered", comment(43, "mallory", "/resolve"), CommandFacts{Entries: []Entry{declared}, Replied: []int64{43}}, ReplyWritten, "", "can only be given by collaborators with write access"},
		{"an unknown command", comment(44, "ada", "/deploy now"), CommandFacts{Entries: []Entry{declared}, MayCommand: true}, Invalid, "", "The commands are:"},
		{"not a command", comment(45, "ada", "looking into it"), CommandFacts{}, NotACommand, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d := DecideCommand(tt.comment, tt.facts, o)
			if d.Outcome != tt.outcome || d.Entry.Type != tt.entryType || !strings.Contains(d.Reply, tt.reply) {
				t.Errorf("DecideCommand = %s, entry %q, reply %q; want %s, entry %q, reply with %q", d.Outcome, d.Entry.Type, d.Reply, tt.outcome, tt.entryType, tt.reply)
			}
			if d.Outcome == Applied && (d.Entry.Source != tt.comment.GetID() || !strings.Contains(d.Entry.Message, "bad deploy")) {
				t.Errorf("the applied entry = %+v; want source %d and a message with the text", d.Entry, tt.comment.GetID())
			}
		})
	}
}
