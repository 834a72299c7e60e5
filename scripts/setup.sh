#!/usr/bin/env bash
# Set up gongshi on a Debian machine: system packages, a virtualenv, the package.
#   scripts/setup.sh          what `gongshi` needs to run (antiword for legacy .doc)
#   scripts/setup.sh --test   also what the tests need (chromium for browser tests, test extras)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

debs=()
command -v antiword >/dev/null 2>&1 || debs+=(antiword)
if [ "$want_test" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || debs+=(chromium)
  [ -d /usr/share/fonts/opentype/noto ] || debs+=(fonts-noto-cjk)
fi
if [ "${#debs[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo=none; fi
  if [ "$sudo" = none ]; then
    echo "setup: please install these Debian packages: ${debs[*]}" >&2
  else
    echo "setup: installing Debian packages: ${debs[*]}" >&2
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${debs[@]}" >/dev/null
  fi
fi

python3 -m venv .venv 2>/dev/null || true
stamp=".venv/.installed$want_test"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
  if [ "$want_test" = 1 ]; then extra=".[test]"; else extra="."; fi
  # whoosh-ng replaced whoosh-reloaded; both install the module `whoosh`.
  .venv/bin/pip uninstall -y -q whoosh-reloaded >/dev/null 2>&1 || true
  .venv/bin/pip install -q --disable-pip-version-check -e "$extra" 2>&1 | grep -v -e '^WARNING: Location' -e '^$' || true
  .venv/bin/python -c "import archive, crawler, index, webui, gongshi" 
  touch "$stamp"
fi
