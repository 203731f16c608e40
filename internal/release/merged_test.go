package release

import "testing"

func TestMergedInput(t *testing.T) {
	t.Parallel()
	repo := Repo{Owner: "acme", Name: "shop"}
	tests := []struct {
		name         string
		m            Merged
		wantPR       string
		wantIncident string
	}{
		{"with an incident", Merged{Number: 7, SHA: "abc", Base: "main", Head: "hotfix/x", Incident: 3}, "https://github.example/acme/shop/pull/7", "https://github.example/acme/shop/issues/3"},
		{"without one", Merged{Number: 8, SHA: "def", Base: "main"}, "https://github.example/acme/shop/pull/8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := tt.m.Input("https://github.example", repo)
			if got := in.PR.GetHTMLURL(); got != tt.wantPR {
				t.Errorf("PR URL %q, want %q", got, tt.wantPR)
			}
			if in.IncidentURL != tt.wantIncident {
				t.Errorf("incident URL %q, want %q", in.IncidentURL, tt.wantIncident)
			}
			if !in.PR.GetMerged() || in.PR.GetMergeCommitSHA() != tt.m.SHA || in.PR.GetBase().GetRef() != tt.m.Base || in.PR.GetHead().GetRef() != tt.m.Head {
				t.Errorf("PR %+v does not carry the merge %+v", in.PR, tt.m)
			}
		})
	}
}
