#!/usr/bin/env bash
# Profiles of the same rows three ways, side by side: inside a two-shard ClickHouse cluster (`adaptgate profile
# "clickhouse://…"` over a Distributed table), inside DuckDB (the Parquet lake) and by the file path (the lake's part
# files read and summarised in .NET). Prints wall time, CPU time and peak RSS of each run (the tool's; for ClickHouse
# also the two servers' peak RSS during the profile), and the load average: the machine is shared.
#
# Usage: build/bench/clickhouse.sh [--rows N] [--parts P]
#   data: duckdb.sh's lake in build/bench/out/lake-rN (generated when missing), written as TabSeparated for ClickHouse 18
#   (which reads no Parquet) and loaded into the cluster: even parts on shard 1, odd parts on shard 2.
# Needs Debian's clickhouse-server and clickhouse-client (apt-get install -y clickhouse-server clickhouse-client).
set -euo pipefail
cd "$(dirname "$0")/../.."

rows=10000000
parts=20
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --parts) parts="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (usage: build/bench/clickhouse.sh [--rows N] [--parts P])" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
server_bin=$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)
[ -x "$server_bin" ] || { echo "clickhouse-server is not installed: apt-get install -y clickhouse-server clickhouse-client" >&2; exit 2; }

data="build/bench/out/lake-r$rows"
if [ ! -f "$data/.complete" ]; then
  rm -rf "$data"
  dotnet run -c Release --project build/bench/DuckDbLake -- "$data" "$rows" "$parts" >&2
  touch "$data/.complete"
fi
tsv="$data/clickhouse"
if [ ! -f "$tsv/.complete" ]; then
  dotnet run -c Release --project build/bench/ClickHouseLoad -- "$data" "$tsv" >&2
  touch "$tsv/.complete"
fi

# The cluster: two servers on free loopback ports, everything under one temp folder, gone on exit.
work=$(mktemp -d /tmp/adaptgate-clickhouse-bench-XXXXXX)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  pids=()
}
cleanup() {
  stop
  rm -rf "$work"
}
trap cleanup EXIT
read -r -a ports < <(/usr/bin/python3 -c '
import socket
s = [socket.socket() for _ in range(6)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
password="bench-$RANDOM$RANDOM"
shard() { # name http tcp interserver
  local dir="$work/$1"
  mkdir -p "$dir/data" "$dir/tmp" "$dir/log"
  cat > "$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_threads>2</max_threads><max_memory_usage>8000000000</max_memory_usage></default></profiles>
  <users><bench><password>$password</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></bench></users>
  <quotas><default></default></quotas>
</yandex>
XML
  cat > "$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$2</http_port><tcp_port>$3</tcp_port><interserver_http_port>$4</interserver_http_port>
  <path>$dir/data/</path><tmp_path>$dir/tmp/</tmp_path><user_files_path>$dir/data/user_files/</user_files_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile><default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers><bench>
    <shard><replica><host>127.0.0.1</host><port>${ports[1]}</port><user>bench</user><password>$password</password></replica></shard>
    <shard><replica><host>127.0.0.1</host><port>${ports[4]}</port><user>bench</user><password>$password</password></replica></shard>
  </bench></remote_servers>
</yandex>
XML
}
start() { # name http
  "$server_bin" --config-file="$work/$1/config.xml" </dev/null >"$work/$1/log/stdout.txt" 2>&1 &
  pids+=($!)
  disown $!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$2/ping" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "clickhouse-server $1 did not start; its log:" >&2; tail -20 "$work/$1/log/"*.log >&2; exit 1
}
sql() { # http query
  curl -sf -H "X-ClickHouse-User: bench" -H "X-ClickHouse-Key: $password" "http://127.0.0.1:$1/" --data-binary "$2"
}
shard shard1 "${ports[0]}" "${ports[1]}" "${ports[2]}"
shard shard2 "${ports[3]}" "${ports[4]}" "${ports[5]}"
start shard1 "${ports[0]}"
start shard2 "${ports[3]}"
columns=$(for k in $(seq -w 0 19); do printf '`n%s` Nullable(Float64), ' "$k"; done; for k in 0 1 2 3 4; do printf '`c%s` String' "$k"; [ "$k" = 4 ] || printf ', '; done)
for i in 1 2; do
  http=${ports[0]}; tcp=${ports[1]}; [ "$i" = 2 ] && http=${ports[3]} && tcp=${ports[4]}
  sql "$http" "CREATE TABLE lake_local ($columns) ENGINE = MergeTree ORDER BY tuple()"
  sql "$http" "CREATE TABLE lake AS lake_local ENGINE = Distributed(bench, default, lake_local)"
  clickhouse-client --host 127.0.0.1 --port "$tcp" --user bench --password "$password" \
    --query "INSERT INTO lake_local FORMAT TabSeparated" < "$tsv/shard-$i.tsv"
done
echo "cluster: $(sql "${ports[0]}" "SELECT count() FROM lake_local") + $(sql "${ports[3]}" "SELECT count() FROM lake_local") rows on two shards"
# Restart both servers, so their peak RSS below is the profile's alone, not the load's.
stop
start shard1 "${ports[0]}"
start shard2 "${ports[3]}"

dotnet build -c Release src/AdaptGate.Tool/AdaptGate.Tool.csproj >/dev/null
tool="src/AdaptGate.Tool/bin/Release/net10.0/adaptgate.dll"
format="wall %e s, cpu %U+%S s, peak %M KB"
echo "data: $rows rows x 25 columns; load average before (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=($(cpu_ticks "${pids[0]}") $(cpu_ticks "${pids[1]}"))
ADAPTGATE_CLICKHOUSE_USER=bench ADAPTGATE_CLICKHOUSE_PASSWORD="$password" /usr/bin/time -f "clickhouse profile (tool): $format" \
  dotnet "$tool" profile "clickhouse://127.0.0.1:${ports[0]}/default?table=lake" --output "$work/clickhouse.agprofile" >/dev/null
for i in 0 1; do
  cpu=$(( $(cpu_ticks "${pids[$i]}") - before[i] ))
  echo "clickhouse profile (server shard$((i + 1))): cpu $(awk -v t="$cpu" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }') s, peak RSS $(awk '/VmHWM/ {print $2}' "/proc/${pids[$i]}/status") KB"
done
/usr/bin/time -f "duckdb profile: $format" \
  dotnet "$tool" profile "duckdb:SELECT * FROM read_parquet('$data/part-*.parquet')" --output "$work/duckdb.agprofile" >/dev/null
/usr/bin/time -f "file profile (the lake's Parquet parts): $format" \
  dotnet "$tool" profile "$data" --output "$work/file.agprofile" >/dev/null
echo "profile sizes: clickhouse $(stat -c %s "$work/clickhouse.agprofile"), duckdb $(stat -c %s "$work/duckdb.agprofile"), file $(stat -c %s "$work/file.agprofile") bytes"
echo "load average after (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
