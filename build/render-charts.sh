#!/usr/bin/env bash
# Renders every Mermaid chart of the car-loan sample's Markdown report (numbers, categories, a boolean) to PNG with
# mermaid-cli, the way GitHub draws them, so a person can look at them before a change to the charts lands.
#   build/render-charts.sh [OUT]        (default OUT: artifacts/charts)
# Needs node/npm (mermaid-cli comes from npm through npx) and Debian's chromium (apt-get install -y chromium): the
# Puppeteer inside mermaid-cli is pointed at it and never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/charts}
mkdir -p "$out"
rm -f "$out"/chart-*.mmd "$out"/chart-*.png

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "render-charts: no chromium at $chromium; install Debian's package (apt-get install -y chromium) or set CHROMIUM." >&2
  exit 2
fi

sample=samples/car-loan
dotnet run --project src/AdaptGate.Tool -v q -- check \
  --reference "$sample/reference.csv" --current "$sample/current.csv" --policy "$sample/adaptgate.json" \
  --no-history --markdown "$out/report.md" --output /dev/null >/dev/null

# One file per ```mermaid block, named after the column of the <summary> above it.
awk -v out="$out" '
  /^<details><summary><b>/ { name = $0; sub(/^<details><summary><b>/, "", name); sub(/<\/b>.*/, "", name); gsub(/[^A-Za-z0-9_-]/, "_", name) }
  /^```mermaid$/ { n++; file = sprintf("%s/chart-%02d-%s.mmd", out, n, name); inside = 1; next }
  /^```$/ && inside { inside = 0; close(file); next }
  inside { print > file }
' "$out/report.md"

config="$out/puppeteer.json"
printf '{"executablePath": "%s", "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]}\n' "$chromium" > "$config"
export PUPPETEER_EXECUTABLE_PATH="$chromium" PUPPETEER_SKIP_DOWNLOAD=1
for chart in "$out"/chart-*.mmd; do
  npx -y @mermaid-js/mermaid-cli --quiet -p "$config" -i "$chart" -o "${chart%.mmd}.png" -b white -w 800
  echo "${chart%.mmd}.png"
done
