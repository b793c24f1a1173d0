#!/usr/bin/env bash
# The one test command of RetailCrm: `bash tests/run.sh [extra dotnet test args, e.g. --filter ...]`.
#
# 1. starts a throwaway PostgreSQL (tests/services/postgres.sh) -> RETAILCRM_TEST_POSTGRES
#    (skipped when RETAILCRM_TEST_POSTGRES is already set: the tests then use that server)
#    starts a throwaway mail server (tests/services/smtp4dev.sh) -> RETAILCRM_TEST_SMTP, RETAILCRM_TEST_IMAP
#    (skipped when RETAILCRM_TEST_SMTP is already set)
# 2. makes sure Chromium is installed (tests/services/chromium.sh) -> RETAILCRM_CHROMIUM
# 3. dotnet build -c Release, then dotnet test --no-build with TRX results in TestResults/
# 4. lints the OpenAPI document that OpenApiDocumentTests wrote (tools/openapi/lint.sh: Redocly and Spectral,
#    their error and warning counts printed); a lint error counts as a failed test
# 5. prints the failed tests and, as the very last line, `N passed, N failed, N skipped`
#    (tests/tools/trx-summary.py).
# Exits non-zero when the build fails, dotnet test fails or any test failed. Works unattended
# (CI=true, no stdin) on a fresh Debian 12 machine: missing packages come from apt.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
RESULTS_DIR="$ROOT/TestResults"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_XMLDOC_MODE=skip
# Lingering MSBuild worker nodes keep the CI log pipe open after the run; build servers are shut down at exit.
export MSBUILDDISABLENODEREUSE=1

pg_started=0
smtp_started=0
summary_printed=0

log() { echo "[run.sh] $*" >&2; }

finish() {
    local rc=$?
    trap - EXIT INT TERM
    # Silent on purpose: the summary line must stay the last line of the output.
    if [[ $pg_started == 1 ]]; then
        bash "$ROOT/tests/services/postgres.sh" stop >/dev/null 2>&1 || true
    fi
    if [[ $smtp_started == 1 ]]; then
        bash "$ROOT/tests/services/smtp4dev.sh" stop >/dev/null 2>&1 || true
    fi
    if command -v dotnet >/dev/null 2>&1; then
        timeout 60 dotnet build-server shutdown >/dev/null 2>&1 || true
    fi
    if [[ $summary_printed == 0 ]]; then
        # Setup broke (or we were interrupted) before tests ran: still end with a summary line.
        [[ $rc -ne 0 ]] || rc=1
        echo "  NOTE run.sh stopped with exit code $rc before any test result was summarised"
        echo "0 passed, 1 failed, 0 skipped"
    fi
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- services -------------------------------------------------------------------------------
if [[ -n "${RETAILCRM_TEST_POSTGRES:-}" ]]; then
    log "using the PostgreSQL given in RETAILCRM_TEST_POSTGRES"
else
    pg_started=1
    pg_env="$(bash "$ROOT/tests/services/postgres.sh" start)"
    eval "$pg_env"
    export RETAILCRM_TEST_POSTGRES RETAILCRM_TEST_PG_DIR
fi

if [[ -n "${RETAILCRM_TEST_SMTP:-}" ]]; then
    log "using the mail server given in RETAILCRM_TEST_SMTP / RETAILCRM_TEST_IMAP"
else
    smtp_started=1
    smtp_env="$(bash "$ROOT/tests/services/smtp4dev.sh" start)"
    eval "$smtp_env"
    export RETAILCRM_TEST_SMTP RETAILCRM_TEST_IMAP RETAILCRM_TEST_SMTP4DEV_API RETAILCRM_TEST_SMTP4DEV_DIR
fi

bash "$ROOT/tests/services/chromium.sh"
export RETAILCRM_CHROMIUM="${RETAILCRM_CHROMIUM:-/usr/bin/chromium}"

if ! command -v python3 >/dev/null 2>&1; then
    log "installing python3 (needed for the TRX summary)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends python3-minimal >&2 \
        || { apt-get update >&2 && apt-get install -y --no-install-recommends python3-minimal >&2; }
fi

if ! command -v dotnet >/dev/null 2>&1 && [[ -x "$HOME/.dotnet/dotnet" ]]; then
    export PATH="$HOME/.dotnet:$PATH"
fi
command -v dotnet >/dev/null 2>&1 || { log "dotnet SDK not found (global.json pins the version)"; exit 1; }

SOLUTION=RetailCrm.sln
[[ -f "$SOLUTION" || ! -f RetailCrm.slnx ]] || SOLUTION=RetailCrm.slnx

# --- build ----------------------------------------------------------------------------------
build_rc=0
dotnet build "$SOLUTION" -c Release || build_rc=$?
if [[ $build_rc -ne 0 ]]; then
    echo "  NOTE dotnet build failed with exit code $build_rc; no test was run"
    echo "0 passed, 1 failed, 0 skipped"
    summary_printed=1
    exit "$build_rc"
fi

# --- test -----------------------------------------------------------------------------------
rm -rf "$RESULTS_DIR"
hang_args=()
# A hung test would otherwise eat the whole CI time limit and leave no TRX to summarise.
if [[ "${RETAILCRM_TEST_HANG_TIMEOUT:-15m}" != 0 ]]; then
    hang_args=(--blame-hang-timeout "${RETAILCRM_TEST_HANG_TIMEOUT:-15m}" --blame-hang-dump-type none)
fi
# OpenApiDocumentTests write the document served by the host with every module here, for the lint below.
export RETAILCRM_OPENAPI_DOCUMENT="$RESULTS_DIR/openapi/openapi.json"
test_rc=0
dotnet test "$SOLUTION" -c Release --no-build \
    --logger "trx;LogFilePrefix=results" --results-directory "$RESULTS_DIR" \
    "${hang_args[@]}" "$@" || test_rc=$?

# --- OpenAPI lint ---------------------------------------------------------------------------
failed_steps=()
if [[ -s $RETAILCRM_OPENAPI_DOCUMENT ]]; then
    echo
    bash "$ROOT/tools/openapi/lint.sh" "$RETAILCRM_OPENAPI_DOCUMENT" \
        || failed_steps+=(--failed-step "OpenAPI lint (tools/openapi/lint.sh): the errors are listed above")
elif [[ $# -eq 0 ]]; then
    failed_steps+=(--failed-step "OpenAPI lint: no document at $RETAILCRM_OPENAPI_DOCUMENT (OpenApiDocumentTests writes it)")
else
    log "OpenAPI lint skipped: this filtered run wrote no document"
fi

# --- summary (must be the last output) ------------------------------------------------------
summary_rc=0
summary="$(python3 "$ROOT/tests/tools/trx-summary.py" "$RESULTS_DIR" --test-exit-code "$test_rc" "${failed_steps[@]}")" || summary_rc=$?
echo
printf '%s\n' "$summary"
if [[ "$(tail -n 1 <<<"$summary")" =~ ^[0-9]+\ passed,\ [0-9]+\ failed,\ [0-9]+\ skipped$ ]]; then
    summary_printed=1
fi

if [[ $test_rc -ne 0 ]]; then exit "$test_rc"; fi
if [[ $summary_rc -ne 0 || $summary_printed == 0 ]]; then exit 1; fi
exit 0
