#!/usr/bin/env bash
# Whole-process figures of the Native AOT binary: start-up on a typical 3 KB config, throughput on 10 MB and
# 100 MB generated configs (all rules on), peak memory, and the comparison with upstream's Go parser (about
# 38 MB/s for merely parsing, the figure quoted in issue 7; upstream cannot be fetched here to re-measure it).
# Needs hyperfine (apt-get install -y hyperfine) and GNU time (/usr/bin/time); generated files go to a temp dir.
# Usage: bench/compare.sh [--skip-100mb]   (ALLOYLINT_AOT=path/to/alloylint skips the publish step)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

upstream_mb_per_s=38
work=$(mktemp -d /tmp/alloylint-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== building the AOT binary"
bin="${ALLOYLINT_AOT:-}"
if [ -z "$bin" ]; then
  dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/bin" >/dev/null
  bin="$work/bin/alloylint"
fi

echo "== generating configs"
sizes=(3072 10485760)
[ "${1:-}" = "--skip-100mb" ] || sizes+=(104857600)
for size in "${sizes[@]}"; do
  # One folder per file: sibling *.alloy files form one configuration and would be linted together.
  mkdir -p "$work/$size"
  dotnet run -c Release --project bench/AlloyLint.Benchmarks -- --generate "$size" "$work/$size/config.alloy"
done

lint=("$bin" --select ALL --format concise --quiet --exit-zero)
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"

for size in "${sizes[@]}"; do
  file="$work/$size/config.alloy"
  bytes=$(stat -c %s "$file")
  runs=3; warmup=1
  [ "$size" -le 3072 ] && { runs=50; warmup=5; }
  [ "$size" -ge 104857600 ] && { runs=2; warmup=0; }
  # -N: no shell in between, so the 3 KB figure is the binary's own start-up (output is discarded by hyperfine).
  hyperfine -N --style basic --warmup "$warmup" --runs "$runs" --export-json "$work/h-$size.json" \
    "${lint[*]} $file" >/dev/null
  median=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$work/h-$size.json")
  peak_kb=$( { /usr/bin/time -v "${lint[@]}" "$file" >/dev/null; } 2>&1 | awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}')
  python3 - "$bytes" "$median" "$peak_kb" "$upstream_mb_per_s" <<'PY'
import sys
size, median, peak_kb, upstream = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
mb = size / 1e6
rate = mb / median
print(f"{size:>11} bytes: median {median*1000:9.1f} ms  {rate:7.1f} MB/s  peak RSS {peak_kb/1024:7.1f} MiB "
      f"({peak_kb*1024/size:5.1f}x file)  vs upstream parse-only {upstream:.0f} MB/s: {'faster' if rate > upstream else 'slower'}")
PY
done

if [ -f "$work/h-104857600.json" ]; then
  python3 - "$work/h-10485760.json" "$work/h-104857600.json" <<'PY'
import json, sys
ten, hundred = (json.load(open(path))['results'][0]['median'] for path in sys.argv[1:3])
print(f"100 MB takes {hundred / ten:.1f}x the 10 MB time (target: at most 11x)")
PY
fi
