package sandbox

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestRepositoryLabels(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	created, resp, err := c.Issues.CreateLabel(ctx, "acme", "shop", &github.Label{Name: github.String("severity/P1"),
		Color: github.String("#B60205"), Description: github.String("High severity")})
	if err != nil {
		t.Fatalf("create label: %v", err)
	}
	for _, name := range []string{"incident", "backport-conflict", "Action-item"} {
		if _, _, err := c.Issues.CreateLabel(ctx, "acme", "shop", &github.Label{Name: github.String(name)}); err != nil {
			t.Fatalf("create label %s: %v", name, err)
		}
	}
	got, _, err := c.Issues.GetLabel(ctx, "acme", "shop", "SEVERITY/p1")
	if err != nil {
		t.Fatalf("get label: %v", err)
	}
	page1, resp1, err := c.Issues.ListLabels(ctx, "acme", "shop", &github.ListOptions{PerPage: 3})
	if err != nil {
		t.Fatalf("list labels: %v", err)
	}
	page2, _, err := c.Issues.ListLabels(ctx, "acme", "shop", &github.ListOptions{PerPage: 3, Page: 2})
	if err != nil {
		t.Fatalf("list labels page 2: %v", err)
	}
	gotFields := []any{resp.StatusCode, created.GetName(), created.GetColor(), created.GetDescription(),
		got.GetID() == created.GetID(), got.GetName(), labelNamesOf(page1), resp1.NextPage, labelNamesOf(page2)}
	want := []any{201, "severity/P1", "b60205", "High severity",
		true, "severity/P1", []string{"Action-item", "backport-conflict", "incident"}, 2, []string{"severity/P1"}}
	if diff := cmp.Diff(gotFields, want); diff != "" {
		t.Errorf("labels (-got +want):\n%s", diff)
	}
}

func TestIssueLabels(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("Outage"), Labels: &[]string{"incident"}})
	var steps [][]string
	record := func(labels []*github.Label, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("change labels: %v", err)
		}
		steps = append(steps, labelNamesOf(labels))
	}
	added, _, err := c.Issues.AddLabelsToIssue(ctx, "acme", "shop", 1, []string{"severity/P2", "INCIDENT", "status/investigating"})
	record(added, err)
	_, err = c.Issues.RemoveLabelForIssue(ctx, "acme", "shop", 1, "status/investigating")
	listed, _, lerr := c.Issues.ListLabelsByIssue(ctx, "acme", "shop", 1, nil)
	if err == nil {
		err = lerr
	}
	record(listed, err)
	replaced, _, err := c.Issues.ReplaceLabelsForIssue(ctx, "acme", "shop", 1, []string{"severity/P0", "status/resolved"})
	record(replaced, err)
	issue, _, err := c.Issues.Get(ctx, "acme", "shop", 1)
	if err != nil {
		t.Fatalf("get issue: %v", err)
	}
	steps = append(steps, labelNamesOf(issue.Labels))
	want := [][]string{
		{"incident", "severity/P2", "status/investigating"},
		{"incident", "severity/P2"},
		{"severity/P0", "status/resolved"},
		{"severity/P0", "status/resolved"},
	}
	if diff := cmp.Diff(steps, want); diff != "" {
		t.Errorf("labels after add, remove, replace (-got +want):\n%s", diff)
	}
	repoLabels, _, err := c.Issues.ListLabels(ctx, "acme", "shop", &github.ListOptions{PerPage: 100})
	if err != nil {
		t.Fatalf("list labels: %v", err)
	}
	wantRepo := []string{"incident", "severity/P0", "severity/P2", "status/investigating", "status/resolved"}
	if diff := cmp.Diff(labelNamesOf(repoLabels), wantRepo); diff != "" {
		t.Errorf("repository labels created on the way (-got +want):\n%s", diff)
	}
}

func TestLabelErrors(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("Outage"), Labels: &[]string{"incident"}})
	create := func(name, color string) func() error {
		return func() error {
			_, _, err := c.Issues.CreateLabel(ctx, "acme", "shop", &github.Label{Name: github.String(name), Color: github.String(color)})
			return err
		}
	}
	notFound := apiFailure{Status: 404, Message: "Not Found"}
	tests := []struct {
		name string
		call func() error
		want apiFailure
	}{
		{"create a name taken, ignoring case", create("Incident", ""), validation(github.Error{Resource: "Label", Field: "name", Code: "already_exists"})},
		{"create without a name", create("", ""), validation(github.Error{Resource: "Label", Field: "name", Code: "missing_field"})},
		{"create with a bad color", create("red", "red"), validation(github.Error{Resource: "Label", Field: "color", Code: "invalid"})},
		{"get unknown", func() error { _, _, err := c.Issues.GetLabel(ctx, "acme", "shop", "nope"); return err }, notFound},
		{"remove a label the issue lacks", func() error {
			_, err := c.Issues.RemoveLabelForIssue(ctx, "acme", "shop", 1, "severity/P1")
			return err
		}, apiFailure{Status: 404, Message: "Label does not exist"}},
		{"add to an unknown issue", func() error {
			_, _, err := c.Issues.AddLabelsToIssue(ctx, "acme", "shop", 9, []string{"x"})
			return err
		}, notFound},
		{"list on an unknown issue", func() error { _, _, err := c.Issues.ListLabelsByIssue(ctx, "acme", "shop", 9, nil); return err }, notFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(failure(tt.call()), tt.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
		})
	}
}

func TestLabelRequestShapes(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("Outage")})
	tests := []struct {
		name string
		body any
		want []string
	}{
		{"bare array", []string{"a"}, []string{"a"}},
		{"wrapped names", map[string]any{"labels": []string{"b"}}, []string{"b"}},
		{"wrapped objects", map[string]any{"labels": []map[string]string{{"name": "c"}}}, []string{"c"}},
		{"wrapped empty", map[string]any{"labels": []string{}}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, err := c.NewRequest("PUT", "repos/acme/shop/issues/1/labels", tt.body)
			if err != nil {
				t.Fatal(err)
			}
			var got []*github.Label
			if _, err := c.Do(ctx, req, &got); err != nil {
				t.Fatalf("set labels: %v", err)
			}
			if diff := cmp.Diff(labelNamesOf(got), tt.want); diff != "" {
				t.Errorf("labels (-got +want):\n%s", diff)
			}
		})
	}
}
