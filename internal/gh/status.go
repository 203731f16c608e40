package gh

// MaxStatusDescription is the longest commit status description GitHub keeps, in characters.
// https://docs.github.com/rest/commits/statuses#create-a-commit-status
const MaxStatusDescription = 140

// StatusDescription cuts text to MaxStatusDescription characters, marking the cut with "…", so
// every commit status the toolkit writes is cut the same way.
func StatusDescription(text string) string {
	r := []rune(text)
	if len(r) <= MaxStatusDescription {
		return text
	}
	return string(r[:MaxStatusDescription-1]) + "…"
}
