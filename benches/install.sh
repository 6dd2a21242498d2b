# Sourced by the benchmark scripts: install a missing tool from Debian's packages (sudo when
# not root), else the caller falls back to `cargo install`.
have() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
    have apt-get || return 1
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "$@" >/dev/null
}
