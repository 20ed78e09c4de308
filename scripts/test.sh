#!/usr/bin/env bash
# scripts/test.sh — the whole test suite on a fresh Debian 12 machine, from any directory, as root or not.
#   1. installs Chromium and PostgreSQL with apt, only when missing;
#   2. starts a throw-away PostgreSQL as the postgres OS user on 127.0.0.1:<free port> and exports SERVEWELL_TEST_PG;
#   3. builds the solution and runs `dotnet test` with one TRX file per test project;
#   4. stops PostgreSQL (also on failure or Ctrl-C) and prints timings;
#   5. ends with exactly "N passed, N failed" summed over every TRX file; exits non-zero on any failure.
# A problem before the tests run (apt, PostgreSQL, Chromium, restore, build) counts as one failure in that line.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${CI_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/servewell-ci.XXXXXX")}"   # per run: others may run this script at the same time
PG_OS_USER="${PG_OS_USER:-postgres}"        # owns and runs the server; initdb refuses root
PGPORT="${PGPORT:-54329}"                   # never 5432, which a system cluster may hold; bumped while busy
RESULTS="$WORK/results"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Hundreds of app instances start in one test process; each would watch its appsettings files and content root with
# inotify, and the kernel's default of 128 instances per user ran out (IOException in unrelated tests). Tests change
# no file under a running app, so the apps neither reload configuration nor watch with inotify.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=1

declare -A T=()
now() { date +%s.%N; }
timed() {
  local name=$1; shift
  local start; start=$(now)
  "$@"; local rc=$?
  T[$name]=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  return $rc
}
log() { echo "[test] $*"; }
timings() {
  local line="" phase
  for phase in apt chromium pg_start restore build test cluster pg_stop; do
    [ -n "${T[$phase]:-}" ] && line+=" $phase=${T[$phase]}s"
  done
  log "timings:${line} total=$(awk -v a="$RUN_START" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')s"
}
fail_early() {   # $1 = message, $2 = exit code
  log "$1"
  pg_stop
  timings
  echo "0 passed, 1 failed"
  exit "$2"
}

# ---------- 1. system packages ----------
install_missing() {
  local need=()
  # fonts-liberation is only a Recommends of chromium; without any font, pages render no text in screenshots.
  [ -x "$CHROMIUM" ] || need+=(chromium fonts-liberation)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  # Chromium needs a Hangul font to show Korean in screenshots (PDFs use the font shipped with the app, ADR-015);
  # the tests read PDFs and QR codes with real clients.
  [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
  command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
  # Redis for the shared-state tests and, with nginx, for the cluster (scripts/cluster.sh, ADR-055).
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
  if [ ${#need[@]} -eq 0 ]; then log "apt: nothing to install"; return 0; fi
  [ "$(id -u)" -eq 0 ] || { log "apt: missing ${need[*]}, and installing needs root"; return 1; }
  log "apt: installing ${need[*]}"
  if [[ " ${need[*]} " == *" postgresql "* ]]; then
    # Written before the install, so the package does not create and start its own cluster on 5432.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/99-servewell-tests.conf
  fi
  export DEBIAN_FRONTEND=noninteractive
  # The packages' own services (redis on 6379, nginx on 80) are not started: the tests start their own on loopback,
  # and a service left running would be one we did not start. policy-rc.d tells invoke-rc.d to start nothing; it is
  # removed afterwards only if this script wrote it.
  local policy=/usr/sbin/policy-rc.d wrote_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && wrote_policy=1; fi
  local rc=0
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || rc=$?
  [ "$wrote_policy" -eq 1 ] && rm -f "$policy"
  return $rc
}

chromium_check() {   # browser tests need a Chromium that really starts headless, with the flags proven here
  local out
  out=$(timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$WORK/chromium-profile" --dump-dom 'data:text/html,<p>ok</p>' 2>/dev/null) || return 1
  rm -rf "$WORK/chromium-profile"
  [[ "$out" == *"<p>ok</p>"* ]] || return 1
  log "chromium: $("$CHROMIUM" --version 2>/dev/null)"
}

# ---------- 2. PostgreSQL (scripts/postgres.sh, shared with cluster.sh) ----------
# shellcheck source=postgres.sh
source "$ROOT/scripts/postgres.sh"

# ---------- 3. summary ----------
summarize() {   # sums <Counters .../> over every TRX file of this run
  local trx=("$RESULTS"/*.trx)
  if [ ! -e "${trx[0]}" ]; then
    log "no TRX file was written"
    echo "0 passed, 1 failed"
    return
  fi
  # name every failed test with the first line of its message, so the tail of a CI log says what broke
  command -v python3 >/dev/null && python3 - "${trx[@]}" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        continue
    for r in root.iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            msg = r.findtext(".//t:Message", default="", namespaces=ns).strip().splitlines()
            print("[test] FAILED " + r.get("testName", "?") + (" — " + msg[0][:300] if msg else ""))
    summary = root.find("t:ResultSummary", ns)
    why = [] if summary is None else [ri.findtext("t:Text", default="", namespaces=ns).strip()[:300] for ri in summary.iterfind(".//t:RunInfo", ns)]
    if any("test run was aborted" in w or "Test host process crashed" in w for w in why):
        print("[test] RUN NOT FINISHED " + path + " — " + " | ".join(w for w in why if "aborted" in w or "crashed" in w or "inactivity" in w))
PY
  # A run that did not finish (a hang the blame collector ended, a crashed test host) leaves a TRX whose counters
  # show no failure, and the tests it never reached are in no counter at all: each such run counts as one failure.
  local unfinished
  unfinished=$(grep -l "test run was aborted\|Test host process crashed" "${trx[@]}" | wc -l)
  cat "${trx[@]}" | grep -o '<Counters [^>]*>' | awk -v files="${#trx[@]}" -v unfinished="${unfinished:-0}" '
    { for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2) { gsub(/["\/>]/, "", kv[2]); c[kv[1]] += kv[2] } }
    END {
      printf "[test] %d TRX file(s): total %d, executed %d, not run %d\n", files, c["total"], c["executed"], c["total"] - c["executed"]
      if (unfinished > 0) printf "[test] %d test run(s) did not finish; the tests they never reached are not counted above\n", unfinished
      printf "%d passed, %d failed\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"] + unfinished
    }'
}

# ---------- main ----------
RUN_START=$(now)
mkdir -p "$WORK"; rm -rf "$RESULTS"; mkdir -p "$RESULTS"
trap 'pg_stop' EXIT
trap 'pg_stop; exit 130' INT TERM
log "repository $ROOT, scratch $WORK"

timed apt      install_missing || fail_early "apt install failed" 2
timed chromium chromium_check  || fail_early "chromium at $CHROMIUM does not start headless" 3
timed pg_start pg_start        || fail_early "postgres failed to start" 3

cd "$ROOT" || fail_early "cannot enter $ROOT" 4
timed restore dotnet restore ServeWell.slnx --nologo -v q                  || fail_early "restore failed" 4
timed build   dotnet build ServeWell.slnx --nologo --no-restore -v q -c Debug || fail_early "build failed" 5
# -m:1: one test project at a time. On two cores the browser tests, sharing the CPU with the
# integration tests and their PostgreSQL, saw pages take over 15 s to load; in turn they are steady.
timed test    dotnet test ServeWell.slnx --nologo --no-build -c Debug -m:1 \
                --results-directory "$RESULTS" \
                --logger "trx;LogFilePrefix=servewell" \
                --logger "console;verbosity=normal" \
                --blame-hang-timeout 5m --blame-hang-dump-type none
test_rc=$?
# The cluster proof: its own durable PostgreSQL (restarted under load by a test), Redis, nginx and three nodes; its
# TRX joins the others (ADR-055, ADR-057).
CLUSTER_RESULTS="$RESULTS" CLUSTER_NO_BUILD=1 timed cluster "$ROOT/scripts/cluster.sh"
cluster_rc=$?
[ "$cluster_rc" -eq 0 ] || test_rc=$cluster_rc
timed pg_stop pg_stop
trap - EXIT INT TERM

timings
log "test results in $RESULTS"
summary="$(summarize)"
echo "$summary"
failed=$(echo "$summary" | tail -1 | awk '{print $3}')
[ "$test_rc" -eq 0 ] && [ "${failed:-1}" -eq 0 ]
