package sandbox

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Page sizes GitHub uses when per_page is absent, and at most. See
// https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api
const (
	defaultPerPage = 30
	maxPerPage     = 100
)

// paginate returns the page of all that the request's page and per_page ask for, and sets the Link
// header with the prev, next, last and first pages as GitHub does. It never returns a nil slice,
// so an empty page encodes as [].
func paginate[T any](w http.ResponseWriter, r *http.Request, all []T) ([]T, error) {
	lo, hi := pageRange(w, r, len(all))
	return append([]T{}, all[lo:hi]...), nil
}

// pageRange is paginate for a list of total items that is read a page at a time: it sets the Link
// header and returns the bounds of the requested page.
func pageRange(w http.ResponseWriter, r *http.Request, total int) (lo, hi int) {
	perPage := min(queryInt(r, "per_page", defaultPerPage), maxPerPage)
	page := queryInt(r, "page", 1)
	last := max((total+perPage-1)/perPage, 1)
	if link := linkHeader(r, page, last); link != "" {
		w.Header().Set("Link", link)
	}
	lo = min((page-1)*perPage, total)
	return lo, min(lo+perPage, total)
}

// queryInt reads a positive integer query parameter; anything else gives def, as GitHub ignores it.
func queryInt(r *http.Request, name string, def int) int {
	n, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil || n < 1 {
		return def
	}
	return n
}

// linkHeader formats the Link header for page of last, or "" when there is only one page.
func linkHeader(r *http.Request, page, last int) string {
	var links []string
	add := func(p int, rel string) {
		links = append(links, fmt.Sprintf("<%s>; rel=%q", pageURL(r, p), rel))
	}
	if page > 1 {
		add(min(page-1, last), "prev")
	}
	if page < last {
		add(page+1, "next")
		add(last, "last")
	}
	if page > 1 {
		add(1, "first")
	}
	return strings.Join(links, ", ")
}

// pageURL is the request's absolute URL with its page parameter set to p.
func pageURL(r *http.Request, p int) string {
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(p))
	return requestBase(r) + r.URL.EscapedPath() + "?" + q.Encode()
}
