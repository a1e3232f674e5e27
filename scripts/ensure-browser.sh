#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests is there: Debian's package where apt is available (it needs no
# download from outside the distribution), else Playwright's own build.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
else
  echo "Installing Playwright's Chromium for the end-to-end tests…"
  npx playwright install chromium
fi
