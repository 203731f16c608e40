package postmortem

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/golden"
)

// atMerge are the facts as the merge knew them: no mitigation or resolution yet.
func atMerge() Facts {
	f := incidentFacts()
	f.Mitigated, f.Resolved = time.Time{}, time.Time{}
	f.Backports = f.Backports[:1]
	return f
}

// edited is a body opened at the merge, then written in by people: a summary, a root cause and a
// line under the resolution, all outside the regions.
func edited(t *testing.T) string {
	t.Helper()
	body, err := Render("", atMerge(), "postmortem-action")
	if err != nil {
		t.Fatal(err)
	}
	for old, people := range map[string]string{
		"✍️ _What happened, in two or three sentences._":                                             "The pool ran dry | at 09:50.",
		"✍️ _Why it happened. Ask \"why\" until the answer is a process or a system, not a person._": "A timeout of 0 meant forever.",
		"<!-- hotfix:facts:resolution:end -->\n":                                                     "<!-- hotfix:facts:resolution:end -->\nThe pool size was raised by hand first.\n",
	} {
		if !strings.Contains(body, old) {
			t.Fatalf("the rendered body lacks %q", old)
		}
		body = strings.Replace(body, old, people, 1)
	}
	return body
}

// TestRefresh re-renders the facts of a body people have written in: the regions take the
// resolution, and every line people wrote stays.
func TestRefresh(t *testing.T) {
	t.Parallel()
	before := edited(t)
	got, err := Refresh(before, incidentFacts(), "", "postmortem-action")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Changed || len(got.Kept) != 0 {
		t.Errorf("Refresh changed %v, kept %v; want changed, none kept", got.Changed, got.Kept)
	}
	golden.Check(t, "refreshed.md.golden", got.Body)
	for _, people := range []string{"The pool ran dry | at 09:50.", "A timeout of 0 meant forever.", "The pool size was raised by hand first."} {
		if !strings.Contains(got.Body, people) {
			t.Errorf("the refreshed body lost %q", people)
		}
	}
	if want := outside(t, before); outside(t, got.Body) != want {
		t.Errorf("text outside the regions changed:\n%s", cmp.Diff(outside(t, got.Body), want))
	}
	again, err := Refresh(got.Body, incidentFacts(), "", "postmortem-action")
	if err != nil || again.Changed || again.Body != got.Body {
		t.Errorf("a second refresh with the same facts: changed %v, err %v", again.Changed, err)
	}
}

// outside is body with each region's content taken out: what people own.
func outside(t *testing.T, body string) string {
	t.Helper()
	found, _, err := spans(body)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(found) - 1; i >= 0; i-- {
		body = body[:found[i].start] + "[" + found[i].name + "]" + body[found[i].end:]
	}
	return body
}

// TestRefreshKeeps leaves a region alone when the body or the template has none, and refuses a
// damaged body whole.
func TestRefreshKeeps(t *testing.T) {
	t.Parallel()
	base := edited(t)
	cut := func(name string) string {
		s, _, _ := find(base, name)
		return base[:s.start] + "(deleted by a person)" + base[s.end:]
	}
	tests := []struct {
		name, body, tmpl string
		kept             []string
		damaged          string
	}{
		{name: "timeline deleted", body: cut("timeline"), kept: []string{"timeline"}},
		{name: "summary deleted", body: cut("summary"), kept: []string{"summary"}},
		{name: "template without regions", body: base, tmpl: "# {{.Title}}\n", kept: []string{"summary", "timeline", "resolution"}},
		{name: "lone start", body: strings.Replace(base, RegionEnd("timeline"), "", 1), damaged: "the timeline region has 1 " + RegionStart("timeline") + " and 0"},
		{name: "repeated", body: base + "\n" + RegionStart("summary") + "\n", damaged: "the summary region has 2"},
		{name: "misordered", body: swap(base, RegionStart("resolution"), RegionEnd("resolution")), damaged: "marker comes before"},
		{name: "overlapping", body: move(base, RegionEnd("summary"), RegionStart("timeline")), damaged: "the summary and timeline regions overlap"},
		{name: "over the items", body: swap(base, RegionEnd("resolution"), ItemsStart), damaged: "the resolution region overlaps the Action Items table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Refresh(tt.body, incidentFacts(), tt.tmpl, "postmortem-action")
			if tt.damaged != "" {
				var be *BodyError
				if !errors.As(err, &be) || !strings.Contains(err.Error(), tt.damaged) || got.Body != "" {
					t.Errorf("Refresh = %q, %v; want a body error with %q and no body", got.Body, err, tt.damaged)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got.Kept, tt.kept); diff != "" {
				t.Errorf("kept (-got +want):\n%s", diff)
			}
			if strings.Contains(tt.body, "(deleted by a person)") && !strings.Contains(got.Body, "(deleted by a person)") {
				t.Error("the person's deletion was undone")
			}
		})
	}
}

// swap exchanges the first a and the first b in s.
func swap(s, a, b string) string {
	s = strings.Replace(s, a, "\x00", 1)
	s = strings.Replace(s, b, a, 1)
	return strings.Replace(s, "\x00", b, 1)
}

// move takes marker out of s and puts it again just after the first after.
func move(s, marker, after string) string {
	s = strings.Replace(s, marker, "", 1)
	return strings.Replace(s, after, after+"\n"+marker, 1)
}

// TestRefreshSizeLimit refuses a refresh that would pass GitHub's body limit.
func TestRefreshSizeLimit(t *testing.T) {
	t.Parallel()
	f := incidentFacts()
	body := edited(t) + strings.Repeat("x", 60000)
	f.Events = append(f.Events, Event{At: at("10:20"), What: strings.Repeat("y", 10000)})
	var be *BodyError
	if _, err := Refresh(body, f, "", "postmortem-action"); !errors.As(err, &be) || !strings.Contains(err.Error(), "over GitHub's limit") {
		t.Errorf("Refresh error = %v, want the size limit", err)
	}
}
