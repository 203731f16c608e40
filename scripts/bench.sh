#!/usr/bin/env bash
# Runs every benchmark behind BENCHMARKS.md and prints its figures, with the machine they ran on.
# Each section's command can also be run alone; this script only runs them in order.
#   scripts/bench.sh            all sections
#   scripts/bench.sh guard      one section: machine, guard, guardcmd, change, requests, growth,
#                               lifecycle, startup, size, sandbox, container
# The first run builds the git fixtures (100,000 files takes about a minute) and keeps them in
# ${TMPDIR:-/tmp}/hotfix-bench-*; later runs reuse them.
set -euo pipefail
cd "$(dirname "$0")/.."

pkg=./internal/bench/

machine() {
  echo "== machine"
  echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "nproc:   $(nproc)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
  echo "go:      $(go version)"
  echo "git:     $(git --version)"
  echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
}

# bench runs go test benchmarks and prints only their result lines.
bench() {
  go test -run '^$' "$@" | grep -E '^(Benchmark|--- FAIL|FAIL|ok|panic)' || true
}

guard() {
  echo "== guard (change.FromGit + guard.Check) vs git diff --numstat"
  bench -bench 'GuardVsNumstat' -benchtime "${GUARD_TIMES:-10x}" -count "${GUARD_COUNT:-3}" -timeout 60m "$pkg"
}

guardcmd() {
  echo "== the guard as a whole command vs git diff --numstat (HOTFIX_BASELINE_REV: another revision's guard too)"
  bench -bench 'GuardCommand' -benchtime 3x -count 3 -timeout 30m "$pkg"
}

change() {
  echo "== change.FromGit vs git diff --numstat (internal/change)"
  bench -bench . -benchtime 20x -count 3 -timeout 30m ./internal/change/
}

requests() {
  echo "== API requests per command (sandbox)"
  bench -bench 'RequestsPerCommand' -benchtime 1x -timeout 30m "$pkg"
}

growth() {
  echo "== request growth"
  bench -bench 'RequestGrowth' -benchtime 1x -timeout 30m "$pkg"
}

lifecycle() {
  echo "== lifecycle with 50 ms per request vs none"
  bench -bench 'Lifecycle' -benchtime "${LIFECYCLE_TIMES:-6x}" -timeout 30m "$pkg"
}

startup() {
  echo "== startup (hotfix and hotfix-guard) vs /bin/true, git --version and the smallest Go program"
  bench -bench 'Startup' -benchtime 500x "$pkg"
}

size() {
  echo "== binary size"
  local dir
  dir=$(mktemp -d)
  go build -o "$dir/default" ./cmd/hotfix
  go build -trimpath -o "$dir/trimpath" ./cmd/hotfix
  go build -trimpath -ldflags "-s -w" -o "$dir/stripped" ./cmd/hotfix
  CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$dir/static" ./cmd/hotfix
  CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$dir/guard-static" ./cmd/hotfix-guard
  for b in default trimpath stripped static guard-static; do
    printf '%-10s %10d bytes  %6.1f MiB\n' "$b" "$(stat -c %s "$dir/$b")" "$(awk -v n="$(stat -c %s "$dir/$b")" 'BEGIN { print n / 1048576 }')"
  done
  rm -rf "$dir"
}

container() {
  echo "== docker run to the first line: the image vs a stand-in that prints and exits; image size"
  echo "   (installs and starts the Docker engine when needed, and builds the image: see internal/containertest)"
  bench -tags e2e -bench 'DockerRun' -benchtime 30x -count 3 -timeout 30m ./internal/containertest/
}

sandbox() {
  echo "== sandbox sequential requests per second vs a bare HTTP server"
  bench -bench 'SandboxRequests' -benchtime 3s -count 3 "$pkg"
}

sections=(machine guard guardcmd change requests growth lifecycle startup size sandbox container)
if [ "$#" -gt 0 ]; then
  sections=(machine "$@")
fi
for s in "${sections[@]}"; do
  case " machine guard guardcmd change requests growth lifecycle startup size sandbox container " in
    *" $s "*) "$s" ;;
    *) echo "bench.sh: unknown section $s (valid: machine guard guardcmd change requests growth lifecycle startup size sandbox container)" >&2; exit 2 ;;
  esac
done
