#!/usr/bin/env bash
# Lints an OpenAPI document with the pinned Redocly and Spectral (package.json, package-lock.json):
#   bash tools/openapi/lint.sh DOCUMENT            (a file, e.g. written by OpenApiDocumentTests)
#   bash tools/openapi/lint.sh http://host/api/docs/v1/openapi.json
# Prints "redocly: N errors, M warnings" and "spectral: N errors, M warnings" (each error listed above them,
# the warnings counted by rule) and exits non-zero when either linter reports an error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -eq 1 ]] || { echo "usage: lint.sh DOCUMENT|URL" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

document="$1"
if [[ $document =~ ^https?:// ]]; then
    curl -fsS "$document" -o "$work/openapi.json"
    document="$work/openapi.json"
fi
[[ -s $document ]] || { echo "lint.sh: no OpenAPI document at $document" >&2; exit 2; }
document="$(cd "$(dirname "$document")" && pwd)/$(basename "$document")"

if [[ ! -x $here/node_modules/.bin/redocly || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

# Both exit non-zero on errors; the counts below decide, so a crash (no JSON) still fails the run.
(cd "$here" && node_modules/.bin/redocly lint "$document" --config redocly.yaml --format json --max-problems 100000 >"$work/redocly.json" 2>"$work/redocly.err") || true
(cd "$here" && node_modules/.bin/spectral lint "$document" --ruleset .spectral.yaml --format json --quiet >"$work/spectral.json" 2>"$work/spectral.err") || true

node "$here/summarize.mjs" "$work/redocly.json" "$work/spectral.json" || {
    rc=$?
    # Only a linter that wrote no report has something to say on stderr (the rest is Redocly's banner).
    [[ -s $work/redocly.json ]] || cat "$work/redocly.err" >&2
    [[ -s $work/spectral.json ]] || cat "$work/spectral.err" >&2
    exit "$rc"
}
