#!/usr/bin/env bash
# Runs your repository's hotfix or incident workflow on this machine with nektos/act, against a
# GitHub sandbox (`hotfix sandbox`), the way GitHub would run it: the workflows `hotfix init`
# wrote call incident-hotfix/incident-hotfix/.github/workflows/*.yml@v0, which act takes from
# this checkout of incident-hotfix; the jobs run on the host and build hotfix from source.
#
# Run it from your repository (its clone of the sandbox's repository):
#
#   GITHUB_API_URL=http://127.0.0.1:PORT/ GITHUB_TOKEN=TOKEN GITHUB_REPOSITORY=OWNER/REPO \
#     /path/to/incident-hotfix/scripts/act-local.sh EVENT WORKFLOW PAYLOAD [act flags...]
#
#   EVENT     the event name: push, pull_request, workflow_dispatch, issue_comment, issues, schedule
#   WORKFLOW  the caller workflow under .github/workflows: hotfix.yml or incident.yml
#   PAYLOAD   the event's payload (JSON), as GitHub would send it for the sandbox's objects
#
# Environment:
#   GITHUB_API_URL     the sandbox's API URL, with its trailing slash (required)
#   GITHUB_TOKEN       the token the sandbox accepts (required); passed to act by name, never
#                      on its command line
#   GITHUB_REPOSITORY  the OWNER/REPO the sandbox serves (required)
#   ACT                the act binary (default: act on PATH; v0.2.89 or later)
#   HOTFIX_RUN_ID      the workflow run's id (default: a new one on each call, as GitHub gives
#                      each run its own, so that each declaration is a new incident; pass the
#                      same id again to play a re-run)
#
# What it adds to a plain `act` call, and why:
#   --local-repository incident-hotfix/incident-hotfix@v0=<this checkout>
#                      the reusable workflows and actions come from here, not github.com;
#   --local-repository actions/setup-go@<sha>=<stand-in>
#                      act prepares every action of a composite before it reads a step's `if`,
#                      so it would fetch setup-go even though the actions skip it when Go is on
#                      PATH; the stand-in fails the job if it ever runs;
#   --local-repository actions/checkout@<sha>=<stand-in>
#                      a job that checks out another commit than the event's (the verify job
#                      checks out the hotfix head) makes act fetch actions/checkout; the
#                      stand-in clones the repository you run this from into the workspace and
#                      checks out the input ref (default: the event's commit), which is what
#                      actions/checkout does against GitHub;
#   --var HOTFIX_FROM_SOURCE=true
#                      build hotfix from source instead of pulling the container image;
#   --platform ubuntu-latest=-self-hosted
#                      run the jobs on this machine, with its Go and git;
#   --env GITHUB_API_URL, --env GITHUB_REPOSITORY, --env GITHUB_RUN_ID, --env ACT_LOCAL_REPO
#                      the sandbox, the repository it serves, this run's id, and the repository
#                      the checkout stand-in clones.
# Any further arguments go to act as they are (the tests add --json, for instance).
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

if [ "$#" -lt 3 ]; then
  echo "act-local.sh: want EVENT WORKFLOW PAYLOAD, got $# arguments" >&2
  usage
fi
event=$1 workflow=$2 payload=$3
shift 3

for var in GITHUB_API_URL GITHUB_TOKEN GITHUB_REPOSITORY; do
  if [ -z "${!var:-}" ]; then
    echo "act-local.sh: $var is not set; see the usage below" >&2
    usage
  fi
done
if [ ! -f ".github/workflows/$workflow" ]; then
  echo "act-local.sh: no .github/workflows/$workflow here ($(pwd)); run it from your repository, where hotfix init wrote the workflows" >&2
  exit 2
fi
if [ ! -f "$payload" ]; then
  echo "act-local.sh: no payload file $payload" >&2
  exit 2
fi
act=${ACT:-act}
if ! command -v "$act" >/dev/null; then
  echo "act-local.sh: $act is not on PATH; install it with: go install github.com/nektos/act@v0.2.89 (or set ACT)" >&2
  exit 2
fi

src=$(cd "$(dirname "$0")/.." && pwd)
standin=$(mktemp -d "${TMPDIR:-/tmp}/act-local-stand-ins.XXXXXX")
trap 'rm -rf "$standin"' EXIT
mkdir "$standin/setup-go" "$standin/checkout"
cat >"$standin/setup-go/action.yml" <<'EOF'
name: setup-go stand-in
description: Fails, since Go is on PATH and the actions must skip setup-go.
runs:
  using: composite
  steps:
    - shell: bash
      run: echo 'actions/setup-go ran, though Go is on PATH'; exit 1
EOF

cat >"$standin/checkout/action.yml" <<'EOF'
name: checkout stand-in
description: Clones the repository act runs on into the workspace and checks out the ref, as actions/checkout does.
inputs:
  ref: { description: The commit or branch; by default the event's commit., required: false, default: "" }
  persist-credentials: { description: Ignored; no credentials are involved., required: false, default: "false" }
  fetch-depth: { description: Ignored; the clone is whole., required: false, default: "0" }
runs:
  using: composite
  steps:
    - shell: bash
      env:
        REF: ${{ inputs.ref }}
      run: |
        set -euo pipefail
        git clone -q --no-checkout -- "$ACT_LOCAL_REPO" "$GITHUB_WORKSPACE"
        git -C "$GITHUB_WORKSPACE" checkout -q --detach "${REF:-$GITHUB_SHA}" --
EOF
args=(
  "$event" --eventpath "$payload" --workflows ".github/workflows/$workflow"
  --platform ubuntu-latest=-self-hosted
  --env "GITHUB_API_URL=$GITHUB_API_URL" --env "GITHUB_REPOSITORY=$GITHUB_REPOSITORY"
  --env "ACT_LOCAL_REPO=$(pwd)" --env "GITHUB_RUN_ID=${HOTFIX_RUN_ID:-$(date +%s%N | cut -c1-15)}"
  --secret GITHUB_TOKEN --var HOTFIX_FROM_SOURCE=true
  --local-repository "incident-hotfix/incident-hotfix@v0=$src"
)
for ref in $(grep -ho 'actions/setup-go@[0-9a-f]\{40\}' "$src"/actions/*/action.yml | sort -u); do
  args+=(--local-repository "$ref=$standin/setup-go")
done
for ref in $(grep -ho 'actions/checkout@[0-9a-f]\{40\}' "$src"/.github/workflows/hotfix.yml "$src"/.github/workflows/incident.yml | sort -u); do
  args+=(--local-repository "$ref=$standin/checkout")
done
"$act" "${args[@]}" "$@"
