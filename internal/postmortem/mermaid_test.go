package postmortem

import (
	"strings"
	"testing"
	"time"
)

func TestMermaid(t *testing.T) {
	t.Parallel()
	if got := Mermaid(nil); got != "" {
		t.Errorf("Mermaid(nil) = %q, want nothing", got)
	}
	hostile := "Status: a\n``` <script> %% x; y " + strings.Repeat("z", 100)
	got := Mermaid([]Event{{At: at("10:15"), What: hostile}, {At: at("10:15").Add(30 * time.Second), What: ""}})
	want := "```mermaid\ntimeline\n    title Timeline (UTC)\n" +
		"    Mar 4 10h15 : Status꞉ a ''' ‹script› % x, y " + strings.Repeat("z", 49) + "…\n" +
		"                : (no text)\n```"
	if got != want {
		t.Errorf("Mermaid =\n%s\nwant\n%s", got, want)
	}
}
