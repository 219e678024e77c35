#!/usr/bin/env bash
# fabu's two commands (see README.md, Quick start):
#   ./dev.sh site   install what is missing, build build/fabu, generate the example site into public/
#   ./dev.sh test   the same set-up, then every test (unit, end-to-end, HTML checker, browser)
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages: the build, then the test tooling.
BUILD_PACKAGES=(g++ cmake ninja-build pkg-config libssl-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev libyaml-dev
  libtomlplusplus-dev libcli11-dev libicu-dev doctest-dev)
TEST_PACKAGES=(cmark-gfm hugo time python3 chromium fonts-noto-cjk)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v npm >/dev/null || missing+=(nodejs npm)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_binary() {
  log "building build/fabu"
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build
}

case "${1:-}" in
  site)
    install_packages "${BUILD_PACKAGES[@]}"
    build_binary
    log "generating the example site"
    build/fabu build
    echo "Open public/index.html, or serve it: python3 -m http.server -d public 8000 (then http://127.0.0.1:8000/)"
    ;;
  test)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    log "installing test tooling (npm ci in tests/)"
    (cd tests && npm ci --no-audit --no-fund --loglevel=error)
    build_binary
    log "running every test"
    ctest --test-dir build --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: ./dev.sh site | test" >&2
    exit 2
    ;;
esac
