#!/usr/bin/env bash
# Throwaway mail server (Rnwood.Smtp4dev) for the e-mail tests: SMTP in, IMAP and a web API to read what arrived.
#
#   tests/services/smtp4dev.sh [start]   install smtp4dev (a dotnet tool, into artifacts/smtp4dev, ignored by git) if
#                                        missing, stop any previous test server, start a fresh one and print on stdout:
#                                          export RETAILCRM_TEST_SMTP='127.0.0.1:PORT'
#                                          export RETAILCRM_TEST_IMAP='127.0.0.1:PORT'
#                                          export RETAILCRM_TEST_SMTP4DEV_API='http://127.0.0.1:PORT'
#                                          export RETAILCRM_TEST_SMTP4DEV_DIR='/tmp/retailcrm-test-smtp4dev'
#   tests/services/smtp4dev.sh stop      stop the test server and wipe its folder
#
# Progress goes to stderr, so `eval "$(tests/services/smtp4dev.sh)"` is safe.
# Knobs: RETAILCRM_TEST_SMTP4DEV_DIR (default /tmp/retailcrm-test-smtp4dev), RETAILCRM_TEST_SMTP_PORT (2525),
# RETAILCRM_TEST_IMAP_PORT (1143), RETAILCRM_TEST_SMTP4DEV_WEB_PORT (5380); the next free port is taken when one is busy.
set -euo pipefail

VERSION=3.15.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOL_DIR="$ROOT/artifacts/smtp4dev/$VERSION"
DIR="${RETAILCRM_TEST_SMTP4DEV_DIR:-/tmp/retailcrm-test-smtp4dev}"
SMTP_PORT="${RETAILCRM_TEST_SMTP_PORT:-2525}"
IMAP_PORT="${RETAILCRM_TEST_IMAP_PORT:-1143}"
WEB_PORT="${RETAILCRM_TEST_SMTP4DEV_WEB_PORT:-5380}"

log() { echo "[smtp4dev] $*" >&2; }

# The directory is wiped on start and stop; refuse anything that does not look like a scratch dir.
case "$DIR" in
/ | /tmp | /tmp/ | "" | *..*) log "refusing RETAILCRM_TEST_SMTP4DEV_DIR='$DIR'"; exit 2 ;;
/*) ;;
*) log "RETAILCRM_TEST_SMTP4DEV_DIR must be an absolute path"; exit 2 ;;
esac

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port="$1"
    while port_in_use "$port"; do
        log "port $port is busy, trying $((port + 1))"
        port=$((port + 1))
    done
    echo "$port"
}

stop_server() {
    if [[ -f "$DIR/pid" ]]; then
        local pid
        pid="$(cat "$DIR/pid")"
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$DIR"
}

cmd="${1:-start}"
case "$cmd" in
stop)
    stop_server
    exit 0
    ;;
start) ;;
*)
    echo "usage: $0 [start|stop]" >&2
    exit 2
    ;;
esac

if [[ ! -x "$TOOL_DIR/smtp4dev" ]]; then
    log "installing Rnwood.Smtp4dev $VERSION into $TOOL_DIR"
    dotnet tool install Rnwood.Smtp4dev --version "$VERSION" --tool-path "$TOOL_DIR" >&2
fi

# A previous run may have left its server behind (killed runner, no trap): stop it and start clean.
stop_server
SMTP_PORT="$(free_port "$SMTP_PORT")"
IMAP_PORT="$(free_port "$IMAP_PORT")"
[[ "$IMAP_PORT" != "$SMTP_PORT" ]] || IMAP_PORT="$(free_port $((IMAP_PORT + 1)))"
WEB_PORT="$(free_port "$WEB_PORT")"
mkdir -p "$DIR"

log "starting: SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT, web http://127.0.0.1:$WEB_PORT"
# setsid: the server outlives this script (the caller stops it with `stop`) and gets no terminal signals.
setsid "$TOOL_DIR/smtp4dev" --nousersettings --db="$DIR/smtp4dev.db" --baseappdatapath="$DIR" \
    --smtpport="$SMTP_PORT" --imapport="$IMAP_PORT" --pop3port=0 --bindaddress=127.0.0.1 --disableipv6 \
    --urls="http://127.0.0.1:$WEB_PORT" --tlsmode=None --messagestokeep=10000 \
    >"$DIR/server.log" 2>&1 </dev/null &
echo $! >"$DIR/pid"

for _ in $(seq 1 120); do
    if port_in_use "$SMTP_PORT" && port_in_use "$IMAP_PORT" && curl -fsS "http://127.0.0.1:$WEB_PORT/api/messages" >/dev/null 2>&1; then
        break
    fi
    kill -0 "$(cat "$DIR/pid")" 2>/dev/null || { log "the server exited"; cat "$DIR/server.log" >&2; exit 1; }
    sleep 0.5
done
if ! curl -fsS "http://127.0.0.1:$WEB_PORT/api/messages" >/dev/null 2>&1; then
    log "server did not become ready"
    cat "$DIR/server.log" >&2 || true
    stop_server
    exit 1
fi

log "ready"
echo "export RETAILCRM_TEST_SMTP='127.0.0.1:$SMTP_PORT'"
echo "export RETAILCRM_TEST_IMAP='127.0.0.1:$IMAP_PORT'"
echo "export RETAILCRM_TEST_SMTP4DEV_API='http://127.0.0.1:$WEB_PORT'"
echo "export RETAILCRM_TEST_SMTP4DEV_DIR='$DIR'"
