#!/usr/bin/env bash
# Set up a virtualenv with everything the tests need, then run linters and the whole test suite.
# This is the README's test command and exactly what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
PYTHON=${PYTHON:-python3}
# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing chromium (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium', or skip browser tests with -m 'not browser'" >&2
  fi
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
# Test-only JavaScript/Java tools (the Nu HTML validator), pinned in package-lock.json.
npm ci --no-audit --no-fund --loglevel=error
echo "== ruff"; .venv/bin/ruff check builder tests
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/python -m pytest "$@"
