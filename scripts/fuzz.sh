#!/usr/bin/env bash
# A short fuzz pass over every Fuzz target in the module: each runs for FUZZTIME (default 5s)
# from its committed seed corpus (testdata/fuzz/<Name>/). Any crash fails the pass; the failing
# input is written to the target's testdata/fuzz/<Name>/ for `go test -run <Name>/<file>`.
# A longer run of one target: go test -run '^$' -fuzz '^FuzzSlug$' -fuzztime 10m ./internal/refname
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime="${FUZZTIME:-5s}"
# The default minimize time (60s) stalls the pass whenever an input is minimized; keep it short.
minimizetime="${FUZZMINIMIZETIME:-5s}"
echo "== fuzz (each target for $fuzztime)"

# go test -list prints a package's matching names, then its "ok <package>" line. It runs in a
# command substitution so that a package that fails to build fails the pass.
listing=$(go test -list '^Fuzz' ./...)
targets=()
names=()
while IFS= read -r line; do
  case "$line" in
    Fuzz*) names+=("$line") ;;
    ok*)
      pkg=$(awk '{print $2}' <<<"$line")
      for name in "${names[@]}"; do targets+=("$pkg $name"); done
      names=()
      ;;
  esac
done <<<"$listing"

if [ "${#targets[@]}" -eq 0 ]; then
  echo "no fuzz targets found"; exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$SECONDS
# fuzz runs one target. Go's fuzzer can stop with "context deadline exceeded" and no failing
# input when -fuzztime ends while its workers are still starting on a busy machine; that is the
# harness, not a crash, so such a run is tried again (twice at most). Anything else fails.
fuzz() {
  local pkg=$1 name=$2 try
  for try in 1 2 3; do
    if go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimizetime" "$pkg" >"$log" 2>&1; then
      return 0
    fi
    if grep -q 'Failing input written' "$log" || ! grep -q 'context deadline exceeded' "$log"; then
      break
    fi
    echo "   (try $try stopped on the fuzzer's deadline with no failing input; trying again)"
  done
  grep -v '^fuzz: elapsed' "$log"
  echo "fuzz target $name in $pkg failed"
  return 1
}

for target in "${targets[@]}"; do
  read -r pkg name <<<"$target"
  echo "-- $name ($pkg), $fuzztime"
  fuzz "$pkg" "$name" || exit 1
done
echo "fuzzed ${#targets[@]} targets in $((SECONDS - start))s"
