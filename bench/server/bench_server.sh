#!/usr/bin/env bash
# Load benchmark of fraudfree-server on loopback: durable result submissions per second and
# p50/p99 latency at 64 and 256 connections, next to the same server's /healthz ceiling in
# the same run. Bounded: 4 wrk runs of DURATION seconds each plus set-up.
# Usage: bench/server/bench_server.sh [path/to/fraudfree-server] [DURATION_SECONDS]
#        BENCH_SERVER_ARGS="--synchronous normal --threads 512" bench/server/bench_server.sh ...
# Needs wrk, curl, python3 (all in scripts/setup --test). Prints figures; never fails on them.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/bin/fraudfree-server}
duration=${2:-5}
students=64
[[ -x $bin ]] || { echo "bench: no server binary at $bin (build the fraudfree-server target first)" >&2; exit 2; }
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/setup --test installs it)" >&2; exit 2; }
done

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

db=$tmp/bench.db
teacher=$("$bin" token create --role counsellor --name bench --db "$db" 2>/dev/null)
"$bin" serve --db "$db" --listen 127.0.0.1:0 --packs "$root/content" --quiet --join-limit 100000 \
  ${BENCH_SERVER_ARGS:-} >"$tmp/out" 2>"$tmp/err" &
server_pid=$!
for _ in $(seq 100); do
  grep -q "listening on" "$tmp/out" 2>/dev/null && break
  sleep 0.1
done
port=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/out" | head -1 | sed 's/.*://')
[[ -n $port ]] || { echo "bench: server did not start"; cat "$tmp/err"; exit 1; }
base=http://127.0.0.1:$port

# A class, $students students, and a valid result body (pack hash from the catalogue,
# a choice path walked through the scenario's TOML).
code=$(curl -sf -H "Authorization: Bearer $teacher" -H 'Content-Type: application/json' \
  -d '{"name":"压测班","packs":["campus-core"]}' "$base/api/v1/classes" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["join_code"])')
for i in $(seq "$students"); do
  curl -sf -H 'Content-Type: application/json' -d "{\"join_code\":\"$code\",\"nickname\":\"压测$i\"}" \
    "$base/api/v1/join" | python3 -c 'import json,sys; print(json.load(sys.stdin)["student_token"])'
done >"$tmp/tokens"
curl -sf "$base/api/v1/packs" >"$tmp/packs.json"
python3 - "$root/content/campus-core" "$tmp/packs.json" >"$tmp/body.json" <<'EOF'
import json, os, sys, tomllib
pack_dir, catalogue = sys.argv[1], json.load(open(sys.argv[2]))
first = sorted(os.listdir(os.path.join(pack_dir, "scenarios")))[0]
s = tomllib.load(open(os.path.join(pack_dir, "scenarios", first), "rb"))
nodes = {n["id"]: n for n in s.get("node", [])}
at, choices = s["start"], []
while at in nodes:
    choices.append(len(choices) % len(nodes[at]["choice"]) + 1)
    at = nodes[at]["choice"][choices[-1] - 1]["next"]
pack_hash = next(p["hash"] for p in catalogue if p["id"] == "campus-core")
print(json.dumps({"id": "@ID@", "pack_id": "campus-core", "pack_hash": pack_hash,
                  "scenario_id": s["id"], "choices": choices}, ensure_ascii=False))
EOF
# One check that the body is accepted before measuring.
probe=$(sed 's/@ID@/00000000-ffff-4000-8000-000000000000/' "$tmp/body.json")
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(head -1 "$tmp/tokens")" \
  -H 'Content-Type: application/json' -d "$probe" "$base/api/v1/results")
[[ $status == 201 ]] || { echo "bench: a test submission was answered $status"; exit 1; }

# wrk output -> "req_per_s p50_ms p99_ms requests non2xx"
summarise() {
  python3 -c '
import re, sys
t = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
    if not m: return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
reqs = int(re.search(r"(\d+) requests in", t).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", t)
errs = re.search(r"Socket errors:.*", t)
print(rps, ms("50"), ms("99"), reqs, int(bad.group(1)) if bad else 0, "|", errs.group(0) if errs else "")
'
}

# The server's CPU time (user+system, in clock ticks) so far: with it each run also reports
# CPU microseconds per request, a figure that other load on the machine does not distort much.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_s=$(getconf CLK_TCK)

run=0
declare -A health submit health_cpu submit_cpu
for c in 64 256; do
  before=$(cpu_ticks)
  health[$c]=$(wrk -t2 -c"$c" -d"${duration}s" --timeout 5s --latency "$base/healthz" | summarise)
  health_cpu[$c]=$(( $(cpu_ticks) - before ))
done
for c in 64 256; do
  run=$((run + 1))
  before=$(cpu_ticks)
  submit[$c]=$(wrk -t2 -c"$c" -d"${duration}s" --timeout 5s --latency -s "$here/submit.lua" "$base/api/v1/results" \
    -- "$tmp/tokens" "$tmp/body.json" "$run" | summarise)
  submit_cpu[$c]=$(( $(cpu_ticks) - before ))
done

# What the database holds afterwards: every 2xx above must be a stored result.
stored=0
while read -r tok; do
  n=$(curl -sf -H "Authorization: Bearer $tok" "$base/api/v1/me/results" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  stored=$((stored + n))
done <"$tmp/tokens"

echo "server: serve ${BENCH_SERVER_ARGS:-(defaults)}"
python3 - "$stored" "${health[64]}" "${health[256]}" "${submit[64]}" "${submit[256]}" "$(nproc)" "$duration" \
  "${health_cpu[64]} ${health_cpu[256]} ${submit_cpu[64]} ${submit_cpu[256]} $ticks_per_s" <<'EOF'
import sys
stored = int(sys.argv[1])
hc64, hc256, sc64, sc256, hz = (int(x) for x in sys.argv[8].split())
cpu = {("h", 64): hc64, ("h", 256): hc256, ("s", 64): sc64, ("s", 256): sc256}
def parse(s):
    nums, _, errs = s.partition("|")
    rps, p50, p99, reqs, bad = nums.split()
    return float(rps), float(p50), float(p99), int(reqs), int(bad), errs.strip()
h = {64: parse(sys.argv[2]), 256: parse(sys.argv[3])}
s = {64: parse(sys.argv[4]), 256: parse(sys.argv[5])}
load = open("/proc/loadavg").read().split()[0]
print(f"fraudfree-server load benchmark, loopback, {sys.argv[6]} cores (load average {load}), {sys.argv[7]} s per run, wrk -t2")
print(f"{'conns':>5} | {'/healthz req/s':>14} {'p50 ms':>7} {'p99 ms':>7} {'cpu us/req':>10} | {'results/s (2xx)':>15} {'p50 ms':>7} {'p99 ms':>7} {'non-2xx':>7} {'cpu us/req':>10} | {'% of healthz':>12}")
acked = 0
for c in (64, 256):
    hr, hp50, hp99, _, _, herr = h[c]
    rps, p50, p99, reqs, bad, err = s[c]
    good_rps = rps * (reqs - bad) / reqs if reqs else 0
    acked += reqs - bad
    hreqs = h[c][3]
    hus = 1e6 * cpu[("h", c)] / hz / hreqs if hreqs else float("nan")
    sus = 1e6 * cpu[("s", c)] / hz / reqs if reqs else float("nan")
    print(f"{c:>5} | {hr:>14.0f} {hp50:>7.2f} {hp99:>7.2f} {hus:>10.0f} | {good_rps:>15.0f} {p50:>7.2f} {p99:>7.2f} {bad:>7} {sus:>10.0f} | {100 * good_rps / hr:>11.0f}%")
    for e in (herr, err):
        if e: print("      " + e)
print("cpu us/req: the server process's user+system CPU time per answered request in that run")
print(f"stored results afterwards: {stored} (acknowledged in the runs: {acked}, plus 1 probe; requests still in flight when wrk stopped are stored but not counted by wrk)")
g = s[256]
good = g[0] * (g[3] - g[4]) / g[3] if g[3] else 0
print("goals at 256 connections: >= 5000 results/s: %s; p99 <= 20 ms: %s; >= 50%% of /healthz: %s" % (
    "met" if good >= 5000 else "NOT met", "met" if g[2] <= 20 else "NOT met",
    "met" if good >= 0.5 * h[256][0] else "NOT met"))
# Why the last two goals are hard on 2 cores: both need the server's CPU per submission near
# twice that of /healthz (and p99 <= 20 ms needs ~18,000+ results/s by Little's law at 256
# closed-loop connections); server/API.md explains where a submission's CPU goes.
hus = 1e6 * cpu[("h", 256)] / hz / h[256][3] if h[256][3] else float("nan")
sus = 1e6 * cpu[("s", 256)] / hz / g[3] if g[3] else float("nan")
print("at 256: a submission costs %.1fx the server CPU of a /healthz request (%.0f vs %.0f us); "
      "mean latency by Little's law = 256 / results per second = %.1f ms" % (sus / hus, sus, hus, 256e3 / good if good else float("nan")))
EOF
