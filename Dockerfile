# The hotfix binary as a container action: a static build on golang:1.26, shipped on distroless/static.
#
# Both base images are pinned by digest, so a rebuild of the same commit uses the same bases. The
# digests are the multi-platform index digests published for these tags (golang:1.26 when it
# pointed at Go 1.26.5; distroless static-debian12:latest, the root variant). To move a pin, read
# the current digest and replace it here:
#
#   docker buildx imagetools inspect golang:1.26
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:latest
#
# GitHub runs Docker actions as root with the workspace mounted at /github/workspace and made the
# working directory, and its documentation says an action's Dockerfile must not set USER or
# WORKDIR; so there are none here. The final image has no shell and no git: in a container the
# commands work through GitHub's API (the guard reads the change set from the pull request or
# compare API), never from a local checkout.
FROM golang:1.26@sha256:3aff6657219a4d9c14e27fb1d8976c49c29fddb70ba835014f477e1c70636647 AS build
ARG VERSION=dev
COPY go.mod go.sum /src/
RUN cd /src && go mod download
COPY . /src
RUN cd /src && CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X github.com/incident-hotfix/incident-hotfix/internal/cli.Version=${VERSION}" \
      -o /hotfix ./cmd/hotfix

FROM gcr.io/distroless/static-debian12:latest@sha256:d75cdd72874d4790092fcb1b058493ecf6bb5bf2b2b897045b00ff01d91843f2
COPY --from=build /hotfix /hotfix
ENTRYPOINT ["/hotfix"]
