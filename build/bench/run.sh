#!/usr/bin/env bash
# Side-by-side benchmark of `adaptgate check` (auto and ks), the pandas + SciPy script a user would
# write instead (peer_check.py), and the floor: parsing both files with Sep and nothing else.
# Prints one table: wall time, CPU time (user + sys) and peak RSS of each run, from /usr/bin/time -v,
# with the ratios, all measured in this run.
#
# Usage: build/bench/run.sh [--rows N] [--runs K]
#   --rows N  rows per file (default 1000000); data goes to build/bench/out/rN (generated when missing)
#   --runs K  runs of each command (default 3); the run with the median wall time is reported
set -euo pipefail
cd "$(dirname "$0")/../.."

rows=1000000
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (usage: build/bench/run.sh [--rows N] [--runs K])" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Debian's python3 carries Debian's pandas and SciPy; a pyenv python3 earlier on PATH would not.
python=/usr/bin/python3

if ! "$python" -c 'import numpy, pandas, scipy' 2>/dev/null; then
  echo "installing python3-pandas and python3-scipy with apt-get" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get install -y python3-pandas python3-scipy >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo apt-get install -y python3-pandas python3-scipy >/dev/null; }
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }

data="build/bench/out/r$rows"
reference="$data/reference.csv"
current="$data/current.csv"
if [ ! -f "$reference" ] || [ ! -f "$current" ]; then
  echo "generating $rows rows x 25 columns per file into $data" >&2
  "$python" build/bench/make_data.py --rows "$rows" --out "$data" >&2
fi

echo "building (Release)" >&2
dotnet build -c Release src/AdaptGate.Tool -v q -nologo >/dev/null
dotnet build -c Release build/bench/ParseFloor -v q -nologo >/dev/null
tool=src/AdaptGate.Tool/bin/Release/net10.0/adaptgate.dll
floor=build/bench/ParseFloor/bin/Release/net10.0/ParseFloor.dll

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every run reads the files from the page cache, so the first one is not penalised.
cat "$reference" "$current" >/dev/null

# measure NAME CMD...: runs CMD $runs times under /usr/bin/time -v and keeps the median run's
# "wall cpu rss_kb" in $work/NAME.
measure() {
  local name="$1"; shift
  : >"$work/$name.all"
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/$name.out" 2>"$work/$name.err" \
      || { echo "$name failed:" >&2; cat "$work/$name.err" >&2; exit 1; }
    awk -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
      /User time \(seconds\)/   { u = $2 }
      /System time \(seconds\)/ { s = $2 }
      /Maximum resident set size/ { m = $2 }
      END { printf "%.2f %.2f %d\n", w, u + s, m }' "$work/time.txt" >>"$work/$name.all"
  done
  sort -n -k1,1 "$work/$name.all" | sed -n "$(( (runs + 1) / 2 ))p" >"$work/$name"
  echo "  $name: $(cat "$work/$name")  (wall s, cpu s, peak KiB; runs: $(cut -d' ' -f1 "$work/$name.all" | paste -sd' '))" >&2
}

# Wall time is only meaningful on an otherwise idle machine: the load is printed with the table.
load_before=$(cut -d' ' -f1 /proc/loadavg)
echo "measuring, $runs run(s) each" >&2
measure floor dotnet "$floor" "$reference" "$current"
measure adaptgate-auto dotnet "$tool" check -r "$reference" -c "$current" --no-history -f json -o "$work/adaptgate-auto.json"
measure adaptgate-ks dotnet "$tool" check -r "$reference" -c "$current" --no-history -f json -o "$work/adaptgate-ks.json" --drift-method ks
measure peer-auto "$python" build/bench/peer_check.py "$reference" "$current" --method auto --output "$work/peer-auto.json"
measure peer-ks "$python" build/bench/peer_check.py "$reference" "$current" --method ks --output "$work/peer-ks.json"

# The peer is only a fair yardstick if it reaches the same answers: same method and drifted flag per column.
agree() {
  "$python" - "$work/adaptgate-$1.json" "$work/peer-$1.json" <<'EOF'
import json, sys
ours = {c["name"]: (c["method"], c["drifted"]) for c in json.load(open(sys.argv[1]))["drift"]["columns"]}
peer = {c["name"]: (c["method"], c["drifted"]) for c in json.load(open(sys.argv[2]))["columns"]}
print("yes" if ours == peer else "NO: " + ", ".join(sorted(n for n in ours.keys() | peer.keys() if ours.get(n) != peer.get(n))))
EOF
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
row() { # label file ratio-label ratio-against
  read -r w c m <"$work/$2"
  local ratios=""
  if [ -n "${4:-}" ]; then
    read -r w2 c2 _ <"$work/$4"
    ratios="$(ratio "$w" "$w2") wall, $(ratio "$c" "$c2") CPU  ($3)"
  fi
  printf "| %-30s | %7.2f | %7.2f | %8d | %s |\n" "$1" "$w" "$c" $(( m / 1024 )) "$ratios"
}

echo
echo "$rows rows x 25 columns per file ($(( $(stat -c %s "$reference") / 1000000 )) MB each), $(nproc) cores, median of $runs run(s), load average $load_before before and $(cut -d' ' -f1 /proc/loadavg) after"
echo
printf "| %-30s | %7s | %7s | %8s | %s |\n" "run" "wall s" "CPU s" "peak MiB" "ratios"
printf "|%s|%s|%s|%s|%s|\n" "--------------------------------" "---------" "---------" "----------" "------"
row "Sep parse-only floor" floor
row "adaptgate check (auto)" adaptgate-auto "adaptgate / floor" floor
row "adaptgate check (ks)" adaptgate-ks "adaptgate / floor" floor
row "pandas + SciPy (auto)" peer-auto "peer / adaptgate auto" adaptgate-auto
row "pandas + SciPy (ks)" peer-ks "peer / adaptgate ks" adaptgate-ks
echo
echo "Same methods and drifted columns as the peer: auto $(agree auto), ks $(agree ks)."
