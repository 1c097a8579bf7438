#!/usr/bin/env bash
# Installs the Debian packages the test suite uses (Chromium for browser tests, PostgreSQL for the
# storage suite, espeak-ng and sox for the talk-time benchmark's speech files, Python with venv for the
# schemathesis HTTP fuzz run, Redis and nginx for the several-nodes suite, coturn's turnserver for the TURN tests), only if any is missing.
# Needs root (CI runs as root). Safe to run repeatedly.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v nginx >/dev/null || need+=(nginx)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v sox >/dev/null || need+=(sox)
command -v turnserver >/dev/null || need+=(coturn)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3 python3-venv)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "Missing system packages: ${need[*]}. Install them (sudo apt-get install -y ${need[*]}) and run again." >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-liberation >/dev/null
