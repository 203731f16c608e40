// Package notify posts incident messages to an incoming webhook (Slack- and Teams-compatible
// JSON, {"text": ...}). Delivery is retried a few times; a failure is the caller's to report, and
// never fails an incident command.
package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Backoff is the wait before the second try; each later try waits one more Backoff.
const Backoff = 250 * time.Millisecond

// Tries is how many times Send tries a delivery unless the Webhook says otherwise.
const Tries = 3

// Webhook is an incoming webhook. The URL is a secret: it is never printed.
type Webhook struct {
	URL    string
	Client *http.Client // http.DefaultClient with a 10-second timeout when nil
	Tries  int          // Tries when 0
	// Sleep waits between tries (Backoff, then twice that, ...); a timer when nil.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Enabled reports whether a URL is set.
func (w Webhook) Enabled() bool { return strings.TrimSpace(w.URL) != "" }

// Send posts text. It retries on connection errors, 429 and 5xx, and stops at any other answer.
// The error never contains the URL.
func (w Webhook) Send(ctx context.Context, text string) error {
	payload, err := json.Marshal(map[string]string{"text": Escape(text)})
	if err != nil {
		return fmt.Errorf("encode the webhook message: %w", err)
	}
	tries := w.Tries
	if tries <= 0 {
		tries = Tries
	}
	var last error
	for try := 1; try <= tries; try++ {
		retry := false
		if retry, last = w.post(ctx, payload); last == nil || !retry {
			break
		}
		if try < tries {
			if err := w.sleep(ctx, time.Duration(try)*Backoff); err != nil {
				return fmt.Errorf("webhook delivery: %w", err)
			}
		}
	}
	if last != nil {
		return fmt.Errorf("webhook delivery, %d tries: %w", tries, last)
	}
	return nil
}

// post makes one delivery, and says whether a failure is worth another try.
func (w Webhook) post(ctx context.Context, payload []byte) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(payload))
	if err != nil {
		return false, fmt.Errorf("the webhook URL is not valid")
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := w.client().Do(req)
	if err != nil {
		return true, fmt.Errorf("the webhook could not be reached")
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	switch code := resp.StatusCode; {
	case code >= 200 && code < 300:
		return false, nil
	case code == http.StatusTooManyRequests || code >= 500:
		return true, fmt.Errorf("the webhook answered %s", resp.Status)
	default:
		return false, fmt.Errorf("the webhook answered %s", resp.Status)
	}
}

func (w Webhook) client() *http.Client {
	if w.Client != nil {
		return w.Client
	}
	return &http.Client{Timeout: 10 * time.Second}
}

func (w Webhook) sleep(ctx context.Context, d time.Duration) error {
	if w.Sleep != nil {
		return w.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// escaper neutralises what Slack acts on in a message: its control sequences (<!channel>,
// <@U123>, <url|text>) and mention words; Teams shows the text as it is.
// See https://api.slack.com/reference/surfaces/formatting#escaping
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "@", "@\u200b")

// Escape makes untrusted text safe in a webhook message: no mentions, no links it did not show.
func Escape(s string) string { return escaper.Replace(s) }
