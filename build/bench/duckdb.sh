#!/usr/bin/env bash
# A profile computed inside DuckDB over a generated Parquet lake (20 numeric, 5 categorical columns in part files):
# prints the wall time, CPU time and peak RSS of `adaptgate profile "duckdb:…"`, the profile's size and the load average.
# Targets (docs/performance.md): 100M rows in at most 60 s and 2 GiB on the 2-core machine.
#
# Usage: build/bench/duckdb.sh [--rows N] [--parts P]   (data in build/bench/out/lake-rN, generated when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."

rows=100000000
parts=20
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --parts) parts="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (usage: build/bench/duckdb.sh [--rows N] [--parts P])" >&2; exit 2 ;;
  esac
done

data="build/bench/out/lake-r$rows"
if [ ! -f "$data/.complete" ]; then
  rm -rf "$data"
  dotnet run -c Release --project build/bench/DuckDbLake -- "$data" "$rows" "$parts" >&2
  touch "$data/.complete"
fi

dotnet build -c Release src/AdaptGate.Tool/AdaptGate.Tool.csproj >/dev/null
tool="src/AdaptGate.Tool/bin/Release/net10.0/adaptgate.dll"
echo "data: $rows rows in $(ls "$data"/part-*.parquet | wc -l) Parquet files, $(du -sh "$data" | cut -f1)"
/usr/bin/time -f "duckdb profile: wall %e s, cpu %U+%S s, peak %M KB" \
  dotnet "$tool" profile "duckdb:SELECT * FROM read_parquet('$data/part-*.parquet')" --output "$data/lake.agprofile"
echo "profile size: $(stat -c %s "$data/lake.agprofile") bytes"
echo "load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
