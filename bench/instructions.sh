#!/usr/bin/env bash
# Counts the instructions the Native AOT binary executes to lint a generated 10 MB config (valgrind's callgrind), and
# lists the functions that execute the most. Unlike a time, the count hardly moves with the machine's load, so it shows
# a change of 1 % on a shared VM (repeated runs agree within 0.1 %). It leaves out what instructions do not show:
# page faults, cache misses, and how well the two cores are used. Valgrind runs one thread at a time, so the entries of
# the garbage collector's lock (enter_spin_lock) vary from run to run: leave them out when comparing.
# Needs valgrind, binutils (nm) and python3. Usage: bench/instructions.sh [FILE]
# (ALLOYLINT_AOT=path/to/alloylint skips the publish step; its alloylint.dbg must sit beside it.)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/alloylint-instructions.XXXXXX)
trap 'rm -rf "$work"' EXIT

bin="${ALLOYLINT_AOT:-}"
if [ -z "$bin" ]; then
  dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/publish" >/dev/null
  bin="$work/publish/alloylint"
fi

file="${1:-}"
if [ -z "$file" ]; then
  mkdir -p "$work/10m"
  file="$work/10m/config.alloy"
  dotnet run -c Release --project bench/AlloyLint.Benchmarks -- --generate 10485760 "$file" >/dev/null
fi

# Valgrind gives up on the binary's compressed debug file, so it runs a copy without it; nm reads the symbols.
mkdir -p "$work/run"
cp "$bin" "$work/run/alloylint"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  "$work/run/alloylint" --select ALL --format concise --quiet --exit-zero "$file" 2>&1 | grep 'refs:' || true
nm -n --defined-only "$bin.dbg" | awk '$2 ~ /^[tTwW]$/ {print $1, $3}' > "$work/symbols"
callgrind_annotate "$work/callgrind.out" > "$work/annotated"

python3 - "$work/symbols" "$work/annotated" <<'PY'
import bisect, re, sys
symbols = [line.split() for line in open(sys.argv[1])]
starts = [int(address, 16) for address, _ in symbols]
totals, program = {}, None
for line in open(sys.argv[2]):
    match = re.match(r'\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)', line)
    if not match:
        continue
    count, where = int(match.group(1).replace(',', '')), match.group(2)
    if 'PROGRAM TOTALS' in where:
        program = count
        continue
    address = re.search(r'\?\?\?:0x([0-9a-f]+)', where)
    if address:
        index = bisect.bisect_right(starts, int(address.group(1), 16)) - 1
        name = symbols[index][1] if index >= 0 else where
    else:
        name = where.split(' [')[0].split(':')[-1]
    name = re.sub(r'AlloyLint_(Parser|Rules)_AlloyLint_(Parser|Rules)_|S_P_CoreLib_', '', name)
    totals[name] = totals.get(name, 0) + count
print(f"{program / 1e9:.3f} G instructions in all; the functions that execute the most (their own instructions):")
for name, count in sorted(totals.items(), key=lambda item: -item[1])[:25]:
    print(f"{count / program * 100:6.2f} %  {count / 1e6:8.1f} M  {name[:110]}")
PY
