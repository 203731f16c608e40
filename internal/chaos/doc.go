// Package chaos proves the toolkit under fire. Its tests play the whole incident lifecycle on
// the sandbox while seeded faults break a fifth of the requests, pressing "Re-run" on each
// failed step the way a person would, and then check that GitHub holds exactly what one clean run
// would have left. They also run many `hotfix run` processes at once on the same repository.
//
// Its tests carry the e2e build tag, so the default `go test ./...` stays fast and offline:
//
//	go test -tags e2e ./internal/chaos                     # the seeds CI runs, and the concurrency suite
//	go test -tags e2e ./internal/chaos -seeds 20           # fewer seeds
//	go test -tags e2e ./internal/chaos -run Chaos -soak    # thousands of seeds
//	go test -tags e2e ./internal/chaos -run 'Chaos/seed_17' -v  # replay one seed
//
// The package has no code outside its tests.
package chaos
