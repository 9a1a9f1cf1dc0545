#!/usr/bin/env bash
# Looks at the HTML report as a person would: builds the sample reports (SampleReportTest), opens
# each in headless Chromium and saves a full-page screenshot next to it. A documented manual check,
# deliberately not part of the Maven tests: CI machines need not have a browser.
#
#   reports/screenshot.sh            # build dir target-reports (override: CRASHLAB_BUILD=...)
#   then view target-reports/screenshots/*.png
#
# Needs Debian's chromium: apt-get update && apt-get install -y chromium
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${CRASHLAB_BUILD:-target-reports}"
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$chromium" ]]; then
  echo "screenshot.sh: chromium not found; install it with: apt-get install -y chromium" >&2
  exit 2
fi
(cd "$here/.." && mvn -B -q "-Dcrashlab.build=$build" -pl reports test -Dtest=SampleReportTest \
  -Dsurefire.failIfNoSpecifiedTests=false)
out="$here/$build/screenshots"
mkdir -p "$out"
for sample in "$here/$build"/samples/*/; do
  name="$(basename "$sample")"
  profile="$(mktemp -d)"
  # No network, no first-run UI: the report must render from the file alone.
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" --window-size=1400,1800 \
    --screenshot="$out/$name.png" "file://${sample}report.html" >/dev/null 2>&1
  rm -rf "$profile"
  echo "$out/$name.png"
done
