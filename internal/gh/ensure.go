package gh

import "context"

// ensureTries bounds how many times Ensure calls create.
const ensureTries = 4

// Ensure makes sure that one object exists, and never makes a second one. It is the read-back
// pattern for writes whose response can be lost:
//
//  1. find looks the object up (by its name, or by the hidden marker in its body). If it is
//     there, Ensure returns it and writes nothing. find returns false, not an error, when the
//     object is absent (a 404 from a get, or no match in a list).
//  2. Otherwise create makes it. On success, Ensure returns what create returned.
//  3. When create fails in a way that leaves its outcome open (Uncertain: the response was lost;
//     Unavailable or RateLimited: refused for now), Ensure goes back to step 1, so the object is
//     created again only if a read shows it is still absent.
//  4. When create answers that the object exists (Validation or Conflict, such as 422 "Reference
//     already exists"), Ensure reads once more and returns the object if it is there, else the
//     error. Whether an existing object is the one intended is find's decision: it must match on
//     what makes the object the right one (a ref's SHA, an issue's marker).
//
// Transient errors from find are retried in the same bounded loop; any other error is returned
// as it is, with its kind intact.
func Ensure[T any](ctx context.Context, find func(context.Context) (T, bool, error), create func(context.Context) (T, error)) (T, error) {
	var zero T
	var last error
	for reads, creates := 1, 0; ; reads++ {
		v, ok, err := find(ctx)
		switch {
		case err == nil && ok:
			return v, nil
		case err != nil && (!transient(Kind(err)) || reads > 2*ensureTries):
			return zero, err
		case err != nil:
			last = err
			continue
		case last != nil && !transient(Kind(last)), creates == ensureTries:
			return zero, last // create said it exists yet it can't be found, or it kept failing
		}
		creates++
		if v, err = create(ctx); err == nil {
			return v, nil
		}
		if k := Kind(err); !transient(k) && k != Validation && k != Conflict {
			return zero, err
		}
		last = err
	}
}

// transient reports whether an error of kind k may go away if the same thing is tried again.
func transient(k ErrorKind) bool {
	return k == Uncertain || k == Unavailable || k == RateLimited
}

// Lookup turns a get's result into find's form: a 404 means absent, not an error.
func Lookup[T any](v T, err error) (T, bool, error) {
	var zero T
	if Kind(err) == NotFound {
		return zero, false, nil
	}
	if err != nil {
		return zero, false, err
	}
	return v, true, nil
}
