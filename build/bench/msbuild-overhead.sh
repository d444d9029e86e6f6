#!/usr/bin/env bash
# No-op incremental build time of a consumer project with and without AdaptGate.Build (a benchmark, not a test).
#
# Packs AdaptGate.Build into a temp feed, writes two identical class libraries (one with the package and the
# car-loan samples), builds each once, then times RUNS more `dotnet build --no-restore` runs of each with nothing
# changed: the difference is what the package costs a developer on every build (the up-to-date check plus reading
# the previous report back). Then it times RUNS builds after touching the current data, which rerun the check.
#
#   build/bench/msbuild-overhead.sh [RUNS]        (default 5; needs only the .NET SDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
runs=${1:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/adaptgate-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages"

version="0.0.0-bench.$(date +%s)"
dotnet pack "$repo/src/AdaptGate.Build/AdaptGate.Build.csproj" -c Release -o "$work/feed" -p:Version="$version" --nologo -v:q >/dev/null
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="bench" value="$work/feed" />
  </packageSources>
</configuration>
XML

consumer() { # name, extra project XML
  mkdir -p "$work/$1"
  cp "$work/nuget.config" "$work/$1/"
  echo 'namespace Bench; public static class Model { }' > "$work/$1/Model.cs"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
$2
</Project>
XML
}
consumer plain ""
consumer with-package "  <PropertyGroup>
    <AdaptGateReferenceData>reference.csv</AdaptGateReferenceData>
    <AdaptGateCurrentData>current.csv</AdaptGateCurrentData>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=\"AdaptGate.Build\" Version=\"$version\" PrivateAssets=\"all\" />
  </ItemGroup>"
cp "$repo/samples/car-loan/reference.csv" "$repo/samples/car-loan/current.csv" "$work/with-package/"

# Mean and min in milliseconds of RUNS builds; $2 runs before each one (say, a touch).
time_builds() { # project folder, command before each run
  local total=0 min=0 ms start
  for _ in $(seq "$runs"); do
    eval "$2"
    start=$(date +%s%N)
    dotnet build "$1" --no-restore -v:q --nologo >/dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    total=$((total + ms))
    if [ "$min" = 0 ] || [ "$ms" -lt "$min" ]; then min=$ms; fi
  done
  echo "mean $((total / runs)) ms, min $min ms"
}

for project in plain with-package; do
  dotnet build "$work/$project" -v:q --nologo >/dev/null # restore, compile and the first check
done
echo "no-op build, without AdaptGate.Build ($runs runs): $(time_builds "$work/plain" :)"
echo "no-op build, with AdaptGate.Build    ($runs runs): $(time_builds "$work/with-package" :)"
echo "build after touching current.csv     ($runs runs): $(time_builds "$work/with-package" "touch '$work/with-package/current.csv'")"
