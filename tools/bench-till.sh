#!/usr/bin/env bash
# The till benchmark (issue 4, "Measure it"): signed POS card payments through the real host (Release build, Kestrel
# HTTP) on a throwaway PostgreSQL, against pgbench's TPC-B-like transaction on the same cluster, and the ratio.
# Not part of the test suite.
#
#   bash tools/bench-till.sh
#
# Knobs (environment): CONCURRENCY (tills at once and pgbench clients, 16), SECONDS_MEASURED (20), WARMUP (5),
# CARDS (2000), STORES (4), HOT_SECONDS (hot-card variant, 10; 0 skips it), PGBENCH_SCALE (default = CONCURRENCY,
# so that pgbench's clients do not all queue on one branch row), BENCH_PG_DIR (/tmp/retailcrm-bench-pg),
# BENCH_PG_PORT (55632), HOST_PORT (5480), NO_BUILD=1 to skip the Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

CONCURRENCY=${CONCURRENCY:-16}
SECONDS_MEASURED=${SECONDS_MEASURED:-20}
WARMUP=${WARMUP:-5}
CARDS=${CARDS:-2000}
STORES=${STORES:-4}
HOT_SECONDS=${HOT_SECONDS:-10}
PGBENCH_SCALE=${PGBENCH_SCALE:-$CONCURRENCY}
HOST_PORT=${HOST_PORT:-5480}
# A cluster of its own, not the test suite's (/tmp/retailcrm-test-pg), which postgres.sh would wipe under running tests.
export RETAILCRM_TEST_PG_DIR=${BENCH_PG_DIR:-/tmp/retailcrm-bench-pg}
export RETAILCRM_TEST_PG_PORT=${BENCH_PG_PORT:-55632}

log() { echo "[bench-till] $*" >&2; }

if [[ "${NO_BUILD:-}" != 1 ]]; then
  log "building host and benchmarks (Release)"
  dotnet build -c Release host/RetailCrm.Host -v quiet -nologo >/dev/null
  dotnet build -c Release tools/RetailCrm.Benchmarks -v quiet -nologo >/dev/null
fi

host_pid=""
data=$(mktemp -d)
cleanup() {
  if [[ -n "$host_pid" ]]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  bash "$root/tests/services/postgres.sh" stop || true
  rm -rf "$data"
}
trap cleanup EXIT

eval "$(bash tests/services/postgres.sh start)"
# Host=...;Port=...;... -> the port the cluster got
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$RETAILCRM_TEST_POSTGRES")
bindir=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)")
pgbench=/usr/bin/pgbench
[[ -x $pgbench ]] || pgbench="$bindir/pgbench"
export PGPASSWORD=retailcrm
run_id=$(date +%s)
till_db="till_$run_id"
pgbench_db="pgbench_$run_id"
"$bindir/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U retailcrm -d postgres -c "CREATE DATABASE $till_db" -c "CREATE DATABASE $pgbench_db"

log "starting the host on http://127.0.0.1:$HOST_PORT over database $till_db"
ConnectionStrings__RetailCrm="Host=127.0.0.1;Port=$pg_port;Username=retailcrm;Password=retailcrm;Database=$till_db;Maximum Pool Size=200" \
RetailCrm__DataPath="$data" RetailCrm__ModulesPath="$root/host/RetailCrm.Host/bin/Release/net10.0/modules" \
RetailCrm__PluginsPath="$data/no-plugins" RetailCrm__Admin__Password="Bench-Passw0rd!" \
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet host/RetailCrm.Host/bin/Release/net10.0/RetailCrm.Host.dll --urls "http://127.0.0.1:$HOST_PORT" >"$data/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$HOST_PORT/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$host_pid" 2>/dev/null; then cat "$data/host.log" >&2; exit 1; fi
  sleep 0.1
done
curl -sf "http://127.0.0.1:$HOST_PORT/health/ready" >/dev/null || { log "host not ready"; tail -50 "$data/host.log" >&2; exit 1; }

postmaster=$(head -n 1 "$RETAILCRM_TEST_PG_DIR/data/postmaster.pid")
# CPU clock ticks (1/100 s) of the cluster: the postmaster with its reaped children, and its live children. Read one
# file at a time, so that a process ending meanwhile is skipped rather than ending the read.
pg_cpu_ticks() {
  local t=0 f line rest
  local -a a
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    rest=${line##*) }
    read -ra a <<<"$rest"
    if [[ $f == "/proc/$postmaster/stat" ]]; then
      t=$(( t + a[11] + a[12] + a[13] + a[14] ))
    elif [[ ${a[1]} == "$postmaster" ]]; then
      t=$(( t + a[11] + a[12] ))
    fi
  done
  echo "$t"
}

till_status=0
dotnet tools/RetailCrm.Benchmarks/bin/Release/net10.0/RetailCrm.Benchmarks.dll till --url "http://127.0.0.1:$HOST_PORT" \
  --concurrency "$CONCURRENCY" --seconds "$SECONDS_MEASURED" --warmup "$WARMUP" --cards "$CARDS" --stores "$STORES" --hot-seconds "$HOT_SECONDS" \
  --host-pid "$host_pid" --postgres-pid "$postmaster" \
  | tee "$data/till.out" || till_status=$?
kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; host_pid=""
cp "$data/host.log" "${TMPDIR:-/tmp}/bench-till-host.log"
# A fresh database makes EF probe each module's missing migrations table once at start: those failures are expected.
errors=$(( $(grep -c '^fail' "$data/host.log" || true) - $(grep -cE '^ +FROM [a-z_]+\.__migrations$' "$data/host.log" || true) ))
if (( errors > 0 )); then log "the host logged $errors error(s): ${TMPDIR:-/tmp}/bench-till-host.log"; fi

echo
echo "pgbench: TPC-B-like, scale $PGBENCH_SCALE, $CONCURRENCY clients, 2 threads, ${SECONDS_MEASURED} s, same cluster, database $pgbench_db"
"$pgbench" -i -q -s "$PGBENCH_SCALE" -h 127.0.0.1 -p "$pg_port" -U retailcrm "$pgbench_db" >"$data/pgbench-init.out" 2>&1
cpu_before=$(pg_cpu_ticks)
"$pgbench" -b tpcb-like -c "$CONCURRENCY" -j 2 -T "$SECONDS_MEASURED" -h 127.0.0.1 -p "$pg_port" -U retailcrm "$pgbench_db" 2>&1 | tee "$data/pgbench.out" | grep -E "^(tps|latency|number of (transactions|failed))" | sed 's/^/  /'
sleep 1 # the backends of pgbench's clients end and are reaped
cpu_after=$(pg_cpu_ticks)
pg_transactions=$(awk '/^number of transactions actually processed: /{print $6; exit}' "$data/pgbench.out")
pg_cpu=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$pg_transactions" 'BEGIN { if (n > 0) printf "%.2f", (b - a) * 10 / n; else print "n/a" }')
echo "  PostgreSQL CPU per transaction: $pg_cpu ms"
load=$(cut -d' ' -f1-3 /proc/loadavg)

tps=$(awk '/^tps = /{print $3; exit}' "$data/pgbench.out")
pg_latency=$(awk '/^latency average = /{print $4; exit}' "$data/pgbench.out")
read -r _ _ random_pps random_p50 random_p99 random_failures ledger random_cpu < <(grep '^TILL random ' "$data/till.out" || echo "TILL random NaN NaN NaN NaN n/a NaN")
read -r _ _ hot_pps hot_p50 hot_p99 hot_failures _ hot_cpu < <(grep '^TILL hot ' "$data/till.out" || echo "TILL hot NaN NaN NaN NaN n/a NaN")

echo
echo "till payments vs pgbench, $CONCURRENCY at once, ${SECONDS_MEASURED} s measured (hot card ${HOT_SECONDS} s), $(nproc) cores, load average $load"
echo "(CPU ms/op: server-side CPU per operation, host + PostgreSQL for a payment, PostgreSQL for pgbench; less dependent on the neighbours than the wall clock)"
printf '| %-34s | %10s | %9s | %9s | %8s | %9s | %10s |\n' "" "per second" "p50 ms" "p99 ms" "failures" "÷ pgbench" "CPU ms/op"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "------------------------------------" "------------" "-----------" "-----------" "----------" "-----------" "------------"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a == a + 0) printf "%.3f", a / b; else print "n/a" }'; }
printf '| %-34s | %10s | %9s | %9s | %8s | %9s | %10s |\n' "POS payment, random card (HTTP)" "$random_pps" "$random_p50" "$random_p99" "$random_failures" "$(ratio "$random_pps" "$tps")" "$random_cpu"
if [[ "$HOT_SECONDS" != 0 ]]; then
  printf '| %-34s | %10s | %9s | %9s | %8s | %9s | %10s |\n' "POS payment, one hot card (HTTP)" "$hot_pps" "$hot_p50" "$hot_p99" "$hot_failures" "$(ratio "$hot_pps" "$tps")" "$hot_cpu"
fi
printf '| %-34s | %10.1f | %9s | %9s | %8s | %9s | %10s |\n' "pgbench tpcb-like (avg latency)" "$tps" "$pg_latency" "-" "0" "1" "$pg_cpu"
echo "ledger after the run: $ledger"
exit "$till_status"
