#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the test suite.
#
#   tests/services/postgres.sh [start]   install PostgreSQL (Debian apt) if missing, wipe any previous
#                                        test cluster, start a fresh one and print on stdout:
#                                          export RETAILCRM_TEST_POSTGRES='Host=...;Port=...;...'
#                                          export RETAILCRM_TEST_PG_DIR='/tmp/retailcrm-test-pg'
#   tests/services/postgres.sh stop      stop the test cluster (pg_ctl stop -m fast) and wipe it
#
# Progress goes to stderr, so `eval "$(tests/services/postgres.sh)"` is safe.
# Knobs: RETAILCRM_TEST_PG_DIR (default /tmp/retailcrm-test-pg), RETAILCRM_TEST_PG_PORT (default 55432;
# the next free port is taken when it is busy).
# The cluster is fast and unsafe on purpose (fsync=off): it only ever holds test data.
set -euo pipefail

PG_DIR="${RETAILCRM_TEST_PG_DIR:-/tmp/retailcrm-test-pg}"
PG_PORT="${RETAILCRM_TEST_PG_PORT:-55432}"
DB_USER=retailcrm
DB_PASSWORD=retailcrm
DB_NAME=retailcrm_test

log() { echo "[postgres] $*" >&2; }

# The directory is wiped on start and stop; refuse anything that does not look like a scratch dir.
case "$PG_DIR" in
/ | /tmp | /tmp/ | "" | *..*) log "refusing RETAILCRM_TEST_PG_DIR='$PG_DIR'"; exit 2 ;;
/*) ;;
*) log "RETAILCRM_TEST_PG_DIR must be an absolute path"; exit 2 ;;
esac

# Debian ships server binaries under /usr/lib/postgresql/<major>/bin; take the newest major.
find_bindir() {
    local initdb
    initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
    [[ -n "$initdb" ]] && dirname "$initdb"
}

# shellcheck source=apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# The server refuses to run as root, so on root machines everything runs as the `postgres` user.
run_pg() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_cluster() {
    local bindir="$1"
    if [[ -n "$bindir" && -f "$PG_DIR/data/postmaster.pid" ]]; then
        run_pg "$bindir/pg_ctl" stop -D "$PG_DIR/data" -m fast -w -t 30 >/dev/null 2>&1 \
            || run_pg "$bindir/pg_ctl" stop -D "$PG_DIR/data" -m immediate -w -t 30 >/dev/null 2>&1 \
            || true
    fi
    rm -rf "$PG_DIR"
}

# The server tools run as `postgres`, which may not be allowed into the caller's directory.
cd /

cmd="${1:-start}"
BINDIR="$(find_bindir || true)"

case "$cmd" in
stop)
    stop_cluster "$BINDIR"
    exit 0
    ;;
start) ;;
*)
    echo "usage: $0 [start|stop]" >&2
    exit 2
    ;;
esac

if [[ -z "$BINDIR" ]]; then
    log "installing PostgreSQL from Debian packages"
    apt_install postgresql
    BINDIR="$(find_bindir || true)"
    [[ -n "$BINDIR" ]] || { log "initdb not found after installing postgresql"; exit 1; }
fi
if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    log "the 'postgres' OS user is missing (it comes with the postgresql-common package)"
    exit 1
fi

# A previous run may have left its cluster behind (killed runner, no trap): stop it and start clean.
stop_cluster "$BINDIR"

while port_in_use "$PG_PORT"; do
    log "port $PG_PORT is busy, trying $((PG_PORT + 1))"
    PG_PORT=$((PG_PORT + 1))
done

mkdir -p "$PG_DIR"
chmod 700 "$PG_DIR"
if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_DIR"; fi

printf '%s\n' "$DB_PASSWORD" >"$PG_DIR/pwfile"
if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_DIR/pwfile"; fi

log "initdb $PG_DIR/data ($(basename "$(dirname "$BINDIR")"))"
# Superuser `retailcrm` straight from initdb; TCP needs the password, the private socket does not.
run_pg "$BINDIR/initdb" -D "$PG_DIR/data" -U "$DB_USER" --pwfile="$PG_DIR/pwfile" \
    -E UTF8 --no-locale --no-sync --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
rm -f "$PG_DIR/pwfile"

cat >>"$PG_DIR/data/postgresql.conf" <<CONF

# --- retailcrm test cluster: throwaway, tuned for speed, not for safety ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 300
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
checkpoint_timeout = 30min
max_wal_size = 2GB
autovacuum = off
log_min_messages = warning
log_min_error_statement = panic
CONF

log "starting on 127.0.0.1:$PG_PORT"
if ! run_pg "$BINDIR/pg_ctl" start -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 >/dev/null; then
    cat "$PG_DIR/server.log" >&2 || true
    exit 1
fi

for _ in $(seq 1 60); do
    if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then break; fi
    sleep 0.5
done
if ! "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    log "server did not become ready"
    cat "$PG_DIR/server.log" >&2 || true
    exit 1
fi

run_pg "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U "$DB_USER" -d postgres \
    -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >&2

log "ready"
echo "export RETAILCRM_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=$DB_USER;Password=$DB_PASSWORD;Database=$DB_NAME'"
echo "export RETAILCRM_TEST_PG_DIR='$PG_DIR'"
