#!/usr/bin/env bash
# Prints the host's figures: cold start (first run with migrations, and a second start) and the
# per-request cost of the tenant and module checks (BenchmarkDotNet), the members module's import of 100,000
# generated customers, and the service module's queue with 1,000,000 tickets on PostgreSQL, screen pop in Chromium
# and inbound mail from smtp4dev's IMAP, and the sales board, forecast and stage moves with 100,000 open deals on
# PostgreSQL, and the analysis module's RFM over 10,000,000 generated purchases. Not part of the test suite. Starts its own PostgreSQL and smtp4dev
# (apart from the tests' ones); Chromium from tests/services/chromium.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release tools/RetailCrm.Benchmarks -v quiet -nologo >/dev/null && dotnet build -c Release host/RetailCrm.Host -v quiet -nologo >/dev/null

start_once() {
  local data=$1 port=$2 begin end
  begin=$(date +%s%N)
  RetailCrm__DataPath="$data" RetailCrm__Admin__Password="Bench-Passw0rd!" ASPNETCORE_ENVIRONMENT=Production \
    dotnet host/RetailCrm.Host/bin/Release/net10.0/RetailCrm.Host.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then break; fi
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - begin) / 1000000 ))
}

data=$(mktemp -d)
echo "cold start, first run (creates database, migrates, creates tenant): $(start_once "$data" 5391) ms"
echo "cold start, existing database:                                      $(start_once "$data" 5392) ms"
rm -rf "$data"
dotnet tools/RetailCrm.Benchmarks/bin/Release/net10.0/RetailCrm.Benchmarks.dll --filter '*' --job short "$@" | sed -n '/^| Method/,/^$/p'
echo
echo "members: customer import through the real host on SQLite (upload, dry run, commit):"
dotnet tools/RetailCrm.Benchmarks/bin/Release/net10.0/RetailCrm.Benchmarks.dll import 100000 2>/dev/null | grep -v '^{'

echo
echo "service: queue page and ticket search with 1,000,000 tickets on PostgreSQL (real host over HTTP):"
pg_env="$(bash tests/services/postgres.sh start)"
eval "$pg_env"
export RETAILCRM_TEST_POSTGRES RETAILCRM_TEST_PG_DIR
trap 'bash tests/services/postgres.sh stop >/dev/null 2>&1 || true' EXIT
dotnet tools/RetailCrm.Benchmarks/bin/Release/net10.0/RetailCrm.Benchmarks.dll service-queue "${RETAILCRM_BENCH_TICKETS:-1000000}" 2>/dev/null | grep -v '^{'

echo
echo "sales: board and forecast with 100,000 open deals on PostgreSQL, stage moves by 16 sales people at once (real host over HTTP):"
dotnet tools/RetailCrm.Benchmarks/bin/Release/net10.0/RetailCrm.Benchmarks.dll sales-pipeline "${RETAILCRM_BENCH_DEALS:-100000}" 2>/dev/null | grep -v '^{'

echo
echo "analysis: RFM over ${RETAILCRM_BENCH_PURCHASES:-10000000} generated purchases of ${RETAILCRM_BENCH_CUSTOMERS:-1000000} customers on PostgreSQL (the module's load, computation and whole recompute against hand-written RFM SQL):"
dotnet tools/RetailCrm.Benchmarks/bin/Release/net10.0/RetailCrm.Benchmarks.dll analysis-rfm "${RETAILCRM_BENCH_PURCHASES:-10000000}" "${RETAILCRM_BENCH_CUSTOMERS:-1000000}" 2>/dev/null | grep -v '^{'

echo
echo "service: screen pop, PBX webhook posted -> pop drawn in the agent's Chromium, 200 calls:"
bash tests/services/chromium.sh >/dev/null
dotnet tools/RetailCrm.Benchmarks/bin/Release/net10.0/RetailCrm.Benchmarks.dll screen-pop 200 2>/dev/null | grep -v '^{\|^warn\|^      '

echo
echo "service: inbound mail from the IMAP server (smtp4dev), 2,000 mails:"
export RETAILCRM_TEST_SMTP4DEV_DIR=/tmp/retailcrm-bench-smtp4dev RETAILCRM_TEST_SMTP_PORT=2625 RETAILCRM_TEST_IMAP_PORT=1243 RETAILCRM_TEST_SMTP4DEV_WEB_PORT=5480
trap 'bash tests/services/postgres.sh stop >/dev/null 2>&1 || true; bash tests/services/smtp4dev.sh stop >/dev/null 2>&1 || true' EXIT
eval "$(bash tests/services/smtp4dev.sh start)"
dotnet tools/RetailCrm.Benchmarks/bin/Release/net10.0/RetailCrm.Benchmarks.dll inbound-mail "${RETAILCRM_BENCH_MAILS:-2000}" 2>/dev/null | grep -v '^{\|^warn\|^      '
