#!/usr/bin/env bash
# Chromium for the end-to-end browser tests (Playwright drives it through RETAILCRM_CHROMIUM).
# Installs Debian's `chromium` package when the binary is missing; a no-op otherwise.
# Knob: RETAILCRM_CHROMIUM (default /usr/bin/chromium) - an already installed browser to use instead.
set -euo pipefail

CHROMIUM="${RETAILCRM_CHROMIUM:-/usr/bin/chromium}"

log() { echo "[chromium] $*" >&2; }

# shellcheck source=apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

if [[ ! -x "$CHROMIUM" ]]; then
    if [[ "$CHROMIUM" != /usr/bin/chromium ]]; then
        log "RETAILCRM_CHROMIUM=$CHROMIUM is not an executable"
        exit 1
    fi
    log "installing chromium from Debian packages"
    # Fonts so pages render text; the rest of chromium's recommends (desktop integration) is not needed headless.
    apt_install chromium fonts-liberation fonts-noto-core fonts-wqy-microhei
fi

"$CHROMIUM" --version >&2 2>/dev/null || { log "$CHROMIUM does not start"; exit 1; }
