// Package containertest runs the toolkit the way GitHub runs it: as the container image, built
// from this checkout's Dockerfile. Its tests are behind the e2e build tag
// (`go test -tags e2e ./internal/containertest/`), since they install and start a Docker engine.
//
// The engine is Debian's docker.io, started with the vfs storage driver when none runs. No image
// can be pulled, so the Dockerfile's two bases are stand-ins made here: a Go image holding the
// host's toolchain (with the host's module cache served as the module proxy) and a runtime image
// holding what distroless/static holds. The image is tagged as the reference the actions name.
//
// Two kinds of run are checked against the sandbox (internal/sandbox) on the host:
//   - the container contract: `docker run` with the volumes, working directory and variables that
//     GitHub's runner gives a Docker action (/github/workspace, /github/file_commands, INPUT_*);
//   - the shipped actions under nektos/act in container mode: the job in a container, and each
//     action's step in the image, on the host's network so the sandbox is reachable.
package containertest
