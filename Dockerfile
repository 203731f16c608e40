# The hotfix binary as a container action: a static build on golang:1.26, shipped on distroless/static.
#
# Both base images are build arguments whose defaults are pinned by digest, so a rebuild of the
# same commit uses the same bases. The digests are the multi-platform index digests published for
# these tags (golang:1.26 when it pointed at Go 1.26.5; distroless static-debian12:latest, the root
# variant). To move a pin, read the current digest and replace the default here:
#
#   docker buildx imagetools inspect golang:1.26
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:latest
#
# Where no registry can be reached, pass bases built locally instead (internal/containertest does):
#
#   docker build --build-arg GO_IMAGE=local/go --build-arg RUNTIME_IMAGE=local/static .
#
# GO_IMAGE needs only the go command on PATH: the build runs in exec form, with no shell. Given
# GOPROXY, the modules come from that proxy. RUNTIME_IMAGE is what distroless/static holds: CA
# certificates, /etc/passwd with root and nonroot, /tmp, and no shell.
#
# GitHub runs Docker actions as root with the workspace mounted at /github/workspace and made the
# working directory, and its documentation says an action's Dockerfile must not set USER or
# WORKDIR; so the final image has neither (WORKDIR below is the build stage's). The final image
# has no shell and no git: in a container the commands work through GitHub's API (the guard reads
# the change set from the pull request or compare API), never from a local checkout.
ARG GO_IMAGE=golang:1.26@sha256:3aff6657219a4d9c14e27fb1d8976c49c29fddb70ba835014f477e1c70636647
ARG RUNTIME_IMAGE=gcr.io/distroless/static-debian12:latest@sha256:d75cdd72874d4790092fcb1b058493ecf6bb5bf2b2b897045b00ff01d91843f2

FROM ${GO_IMAGE} AS build
ARG VERSION=dev
ARG GOPROXY
ENV CGO_ENABLED=0
WORKDIR /src
COPY go.mod go.sum ./
RUN ["go", "mod", "download"]
COPY . .
ENV GOFLAGS="-trimpath -tags=noemulator '-ldflags=-s -w -X=github.com/incident-hotfix/incident-hotfix/internal/cli.Version=${VERSION}'"
RUN ["go", "build", "-o", "/hotfix", "./cmd/hotfix"]

FROM ${RUNTIME_IMAGE}
COPY --from=build /hotfix /hotfix
ENTRYPOINT ["/hotfix"]
