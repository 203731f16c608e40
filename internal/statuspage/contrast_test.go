package statuspage

import (
	"math"
	"regexp"
	"strconv"
	"testing"
)

// luminance is a colour's relative luminance (WCAG 2.2, "relative luminance").
func luminance(hex string) float64 {
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	var l [3]float64
	for i := range 3 {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			l[i] = c / 12.92
		} else {
			l[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestColoursMeetWCAG checks every text colour of the style sheet against every background it
// declares (white, and the banners' tints): at least 4.5:1, WCAG AA for normal text.
func TestColoursMeetWCAG(t *testing.T) {
	t.Parallel()
	css, err := templateFiles.ReadFile("templates/layout.html")
	if err != nil {
		t.Fatal(err)
	}
	texts := regexp.MustCompile(`[;{]color:#([0-9a-f]{3,6})`).FindAllStringSubmatch(string(css), -1)
	backs := regexp.MustCompile(`background:#([0-9a-f]{3,6})`).FindAllStringSubmatch(string(css), -1)
	if len(texts) < 8 || len(backs) < 5 {
		t.Fatalf("found %d text colours and %d backgrounds; the style sheet changed shape", len(texts), len(backs))
	}
	for _, fg := range texts {
		for _, bg := range backs {
			if r := contrast(fg[1], bg[1]); r < 4.5 {
				t.Errorf("text #%s on #%s: contrast %.2f:1, want at least 4.5:1", fg[1], bg[1], r)
			}
		}
	}
}
