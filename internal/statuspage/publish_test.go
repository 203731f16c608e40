package statuspage

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

func TestOptionsFor(t *testing.T) {
	t.Parallel()
	repo := incident.Repo{Owner: "acme", Name: "shop"}
	page := config.StatusPage{Title: "Shop", Services: []string{"api", "web"}}
	tests := []struct {
		name         string
		g            Given
		page         config.StatusPage
		wantName     string
		wantServices []string
	}{
		{"the policy's", Given{}, page, "Shop", []string{"api", "web"}},
		{"the flags win", Given{Title: " Acme ", Services: " db, ,cache "}, page, "Acme", []string{"db", "cache"}},
		{"a list of blanks lists none", Given{Services: " , "}, page, "Shop", nil},
		{"a blank list keeps the policy's", Given{Services: "  "}, page, "Shop", []string{"api", "web"}},
		{"no title anywhere", Given{}, config.StatusPage{}, "shop status", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := OptionsFor(tt.g, tt.page, repo, time.Time{}, time.Time{})
			if got.Name != tt.wantName || got.ID != "acme/shop" {
				t.Errorf("OptionsFor() name %q, id %q; want %q, acme/shop", got.Name, got.ID, tt.wantName)
			}
			if diff := cmp.Diff(got.Services, tt.wantServices); diff != "" {
				t.Errorf("OptionsFor() services (-got +want):\n%s", diff)
			}
		})
	}
}
