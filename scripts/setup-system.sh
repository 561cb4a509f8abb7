#!/usr/bin/env bash
# Install the Debian packages counterclaim's tests use, when missing: a PostgreSQL server
# (the ledger tests start a throwaway cluster of their own) and Chromium (dashboard tests). Needs root or sudo; skips
# quietly with a note when neither is available (those tests then skip with a reason).
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# Debian's Chromium drives the dashboard tests (Playwright cannot download its own here).
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "note: cannot install ${need[*]} (not root, no sudo); tests needing them will skip" >&2
  exit 0
fi
echo "installing Debian packages: ${need[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
