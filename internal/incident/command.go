package incident

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Forms are the valid command forms, for replies to a command that isn't one of them.
const Forms = "`/status investigating|identified|monitoring [eta 30m] <text>`\n" +
	"`/severity P0|P1|P2|P3`\n" +
	"`/commander @user`\n" +
	"`/impact-start <RFC 3339 time, or HH:MM UTC today>`\n" +
	"`/mitigated rollback|hotfix|flag <text>`\n" +
	"`/rollback [TAG] [<text>]` (deploys the last known good release, or TAG)\n" +
	"`/timeline <text>`\n" +
	"`/resolve <text>`"

// ErrNotCommand says that a comment does not start with a command word.
var ErrNotCommand = errors.New("not a command")

// parser reads one command's arguments, and the comment's further lines, into an entry.
type parser func(args []string, more string, now time.Time, scale Scale) (Entry, error)

// parsers are the commands.
var parsers = map[string]parser{
	"/status":       parseStatus,
	"/severity":     parseSeverity,
	"/commander":    parseCommander,
	"/impact-start": parseImpactStart,
	"/mitigated":    parseMitigated,
	"/timeline":     parseTimeline,
	"/rollback":     parseRollback,
	"/resolve": func(args []string, more string, _ time.Time, _ Scale) (Entry, error) {
		return Entry{Type: Resolved, Text: textAfter(args, 0, more)}, nil
	},
}

// ParseCommand reads the command in a comment's first line into the entry it appends. The text of
// /status, /mitigated, /timeline and /resolve runs to the end of the comment. now is the time
// "HH:MM UTC" is read against. A comment that is not a command gives ErrNotCommand; a bad
// command gives an error that says what is wrong.
func ParseCommand(body string, now time.Time, scale Scale) (Entry, error) {
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	first, more, _ := strings.Cut(body, "\n")
	fields := strings.Fields(first)
	if len(fields) == 0 || !strings.HasPrefix(fields[0], "/") {
		return Entry{}, ErrNotCommand
	}
	word := strings.ToLower(fields[0])
	parse, ok := parsers[word]
	if !ok {
		return Entry{}, fmt.Errorf("%s is not a command", Clip(fields[0], 40))
	}
	e, err := parse(fields[1:], more, now.UTC(), scale)
	if err != nil {
		return Entry{}, fmt.Errorf("%s: %w", word, err)
	}
	e.Text = Clip(e.Text, MaxText)
	return e, nil
}

// textAfter is the free text from argument skip on, with the comment's further lines.
func textAfter(args []string, skip int, more string) string {
	text := ""
	if skip < len(args) {
		text = strings.Join(args[skip:], " ")
	}
	return strings.TrimSpace(text + "\n" + strings.TrimSpace(more))
}

func parseStatus(args []string, more string, _ time.Time, _ Scale) (Entry, error) {
	if len(args) == 0 || !slices.Contains(States, strings.ToLower(args[0])) {
		return Entry{}, fmt.Errorf("the state must be one of %s", strings.Join(States, ", "))
	}
	e, skip := Entry{Type: Status, State: strings.ToLower(args[0])}, 1
	if len(args) > 1 && strings.EqualFold(args[1], "eta") {
		if len(args) < 3 {
			return Entry{}, errors.New("eta needs a duration such as 30m or 2h")
		}
		eta, err := parseETA(args[2])
		if err != nil {
			return Entry{}, err
		}
		e.ETA, skip = eta, 3
	}
	e.Text = textAfter(args, skip, more)
	return e, nil
}

// parseETA reads a duration in whole minutes, up to a week, and writes it back plainly: 30m, 2h, 1h30m.
func parseETA(s string) (string, error) {
	d, err := time.ParseDuration(strings.ToLower(s))
	if err != nil || d <= 0 || d%time.Minute != 0 || d > 7*24*time.Hour {
		return "", fmt.Errorf("eta %q is not a duration in minutes or hours up to a week, such as 30m, 2h or 1h30m", Clip(s, 40))
	}
	return span(d), nil
}

func parseSeverity(args []string, _ string, _ time.Time, scale Scale) (Entry, error) {
	if len(args) != 1 {
		return Entry{}, fmt.Errorf("give one severity: %s", strings.Join(scale.Names(), ", "))
	}
	sev, err := scale.Parse(Clip(args[0], 40)) // the refusal quotes it
	if err != nil {
		return Entry{}, err
	}
	return Entry{Type: SeverityType, Severity: sev.Name}, nil
}

func parseCommander(args []string, _ string, _ time.Time, _ Scale) (Entry, error) {
	if len(args) != 1 || !strings.HasPrefix(args[0], "@") || !validLogin(args[0][1:]) {
		return Entry{}, errors.New("give one user as @login (a team can't be the commander)")
	}
	return Entry{Type: Commander, Login: args[0][1:]}, nil
}

// parseImpactStart reads an RFC 3339 time, or HH:MM (optionally followed by UTC) today in UTC.
// A time in the future is refused.
func parseImpactStart(args []string, _ string, now time.Time, _ Scale) (Entry, error) {
	text := strings.Join(args, " ")
	t, err := time.Parse(time.RFC3339, text)
	if err != nil {
		t, err = clockToday(text, now)
	}
	if err != nil {
		return Entry{}, fmt.Errorf("time %q is neither RFC 3339 (2026-03-04T09:40:00Z) nor HH:MM UTC", Clip(text, 40))
	}
	if t.After(now) {
		return Entry{}, fmt.Errorf("time %s is in the future", utc(t))
	}
	return Entry{Type: ImpactStart, At: t.UTC()}, nil
}

// clockToday reads "HH:MM" or "HH:MM UTC" as that time today, in UTC.
func clockToday(text string, now time.Time) (time.Time, error) {
	hhmm, ok := strings.CutSuffix(strings.TrimSpace(text), " UTC")
	if !ok {
		hhmm = strings.TrimSpace(text)
	}
	c, err := time.Parse("15:04", hhmm)
	if err != nil {
		return time.Time{}, err
	}
	y, m, d := now.Date()
	return time.Date(y, m, d, c.Hour(), c.Minute(), 0, 0, time.UTC), nil
}

func parseMitigated(args []string, more string, _ time.Time, _ Scale) (Entry, error) {
	if len(args) == 0 || !slices.Contains(Mitigations, strings.ToLower(args[0])) {
		return Entry{}, fmt.Errorf("say how: one of %s", strings.Join(Mitigations, ", "))
	}
	return Entry{Type: Mitigated, How: strings.ToLower(args[0]), Text: textAfter(args, 1, more)}, nil
}

func parseTimeline(args []string, more string, _ time.Time, _ Scale) (Entry, error) {
	text := textAfter(args, 0, more)
	if text == "" {
		return Entry{}, errors.New("give the text of the event")
	}
	return Entry{Type: Timeline, Text: text}, nil
}
