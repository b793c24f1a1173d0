# Sourced by the service scripts: root-or-sudo and an apt-get install that refreshes the package
# lists only when the install fails (a fresh machine's lists are empty: exactly one update runs).
# The sourcing script defines log().

as_root() {
    if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    if ! as_root apt-get install -y --no-install-recommends "$@" >&2; then
        log "apt-get update"
        as_root apt-get update >&2
        as_root apt-get install -y --no-install-recommends "$@" >&2
    fi
}
