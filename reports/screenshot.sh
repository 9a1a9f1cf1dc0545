#!/usr/bin/env bash
# Looks at an HTML report as a person would: opens it in headless Chromium and saves a screenshot
# (1400 x 2200, the top of the page: verdict, matrix, charts, first counterexamples) to view.
#
#   reports/screenshot.sh REPORT_HTML OUT_PNG   # any report, e.g. one from ./crashlab check --out DIR
#   reports/screenshot.sh                       # builds the sample reports (SampleReportTest) and
#                                               # shoots each into <build>/screenshots/NAME.png
#                                               # (build dir target-reports; override: CRASHLAB_BUILD=...)
#
# HtmlScreenshotTest does the same for the sample report inside `mvn test` and asserts on the
# result; this script is the manual check for real reports. Needs Chromium: Debian's
# (apt-get update && apt-get install -y chromium) or the binary named by $CHROME.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROME:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ -z "$chromium" || ! -x "$chromium" ]]; then
  echo "screenshot.sh: chromium not found; install it with: apt-get install -y chromium (or set CHROME)" >&2
  exit 2
fi

shoot() { # REPORT_HTML OUT_PNG
  local report out profile
  report="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  out="$2"
  mkdir -p "$(dirname "$out")"
  rm -f "$out"
  profile="$(mktemp -d)"
  # No network, no first-run UI: the report must render from the file alone. Without the
  # background-networking flags Chromium's own connections are refused by a closed network.
  # The timeout only stops a hung browser.
  timeout -k 10 180 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --window-size=1400,2200 --screenshot="$out" "file://$report" \
    >/dev/null 2>"$profile.log" || true
  if [[ ! -s "$out" ]]; then
    echo "screenshot.sh: Chromium wrote no screenshot of $report:" >&2
    grep -v dbus "$profile.log" >&2 || true
    rm -rf "$profile" "$profile.log"
    exit 1
  fi
  rm -rf "$profile" "$profile.log"
  echo "$out"
}

if [[ $# -eq 2 ]]; then
  [[ -f "$1" ]] || { echo "screenshot.sh: no such report: $1" >&2; exit 2; }
  shoot "$1" "$2"
  exit 0
elif [[ $# -ne 0 ]]; then
  echo "usage: reports/screenshot.sh [REPORT_HTML OUT_PNG]" >&2
  exit 2
fi

build="${CRASHLAB_BUILD:-target-reports}"
(cd "$here/.." && mvn -B -q -ntp "-Dcrashlab.build=$build" -pl reports -am test -Dtest=SampleReportTest \
  -Dsurefire.failIfNoSpecifiedTests=false)
for sample in "$here/$build"/samples/*/; do
  shoot "${sample}report.html" "$here/$build/screenshots/$(basename "$sample").png"
done
