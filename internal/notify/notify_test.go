package notify

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// receiver is a webhook endpoint that answers the statuses given, one per delivery, then 200.
func receiver(t *testing.T, statuses ...int) (*httptest.Server, *atomic.Int32, *atomic.Value) {
	t.Helper()
	var n atomic.Int32
	var text atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		var body struct{ Text string }
		if err := json.NewDecoder(r.Body).Decode(&body); err == nil {
			text.Store(body.Text)
		}
		if i < len(statuses) {
			w.WriteHeader(statuses[i])
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(srv.Close)
	return srv, &n, &text
}

func noSleep(context.Context, time.Duration) error { return nil }

func TestSend(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		statuses []int
		attempts int32
		wantErr  string
	}{
		{name: "delivered", attempts: 1},
		{name: "retried until delivered", statuses: []int{500, 429}, attempts: 3},
		{name: "gives up after the tries", statuses: []int{503, 503, 503, 503}, attempts: 3, wantErr: "webhook delivery, 3 tries: the webhook answered 503 Service Unavailable"},
		{name: "no retry on a client error", statuses: []int{404}, attempts: 1, wantErr: "webhook delivery, 3 tries: the webhook answered 404 Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, n, _ := receiver(t, tt.statuses...)
			err := Webhook{URL: srv.URL + "/hook/secret", Sleep: noSleep}.Send(context.Background(), "hello")
			if got := errText(err); got != tt.wantErr {
				t.Errorf("Send error = %q, want %q", got, tt.wantErr)
			}
			if got := n.Load(); got != tt.attempts {
				t.Errorf("attempts = %d, want %d", got, tt.attempts)
			}
			if strings.Contains(errText(err), "secret") {
				t.Errorf("the error shows the URL: %v", err)
			}
		})
	}
}

func TestSendUnreachable(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL + "/hook/secret"
	srv.Close()
	slept := 0
	err := Webhook{URL: url, Sleep: func(context.Context, time.Duration) error { slept++; return nil }}.Send(context.Background(), "x")
	if errText(err) != "webhook delivery, 3 tries: the webhook could not be reached" || slept != 2 {
		t.Errorf("Send to a closed server = %v after %d sleeps, want 3 tries and 2 sleeps", err, slept)
	}
}

func TestSendEscapes(t *testing.T) {
	t.Parallel()
	srv, _, text := receiver(t)
	if err := (Webhook{URL: srv.URL}).Send(context.Background(), "<!channel> @here <https://evil|click> & co"); err != nil {
		t.Fatal(err)
	}
	if got, want := text.Load(), "&lt;!channel&gt; @\u200bhere &lt;https://evil|click&gt; &amp; co"; got != want {
		t.Errorf("delivered %q, want %q", got, want)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
