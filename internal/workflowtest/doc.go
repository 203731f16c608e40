// Package workflowtest runs the reusable workflows end to end, the way GitHub would run them for a
// user, with nektos/act on this machine: a repository set up by `hotfix init` calls
// incident-hotfix/incident-hotfix/.github/workflows/{hotfix,incident}.yml@v0, which act resolves to
// this checkout; the jobs run on the host (`-P ubuntu-latest=-self-hosted`), and their steps call
// the sandbox (internal/sandbox) through GITHUB_API_URL. Each event is one of GitHub's own webhook
// examples, adjusted to the sandbox's objects, and each run is judged by the state it leaves on the
// sandbox.
//
// There is no Docker engine here, so the steps that pull the published container image can't run;
// the workflows' from_source input (set through the repository variable HOTFIX_FROM_SOURCE) swaps
// each of them for actions/run, the composite action that builds the same binary from source on the
// runner. actions/verify is composite already and runs as users get it.
//
// Act runs through scripts/act-local.sh, exactly as the README tells a user to run it: the script
// adds this checkout as the remote repository, the stand-ins for actions/setup-go and
// actions/checkout, GITHUB_REPOSITORY and a new run id per call.
//
// The package has only tests; act is installed with `go install` at a pinned version and kept in
// the temp dir between runs. The tests that run act carry the e2e build tag
// (`go test -tags e2e ./internal/workflowtest`); the check that actions/run mirrors the root
// action runs by default.
package workflowtest
