#!/usr/bin/env bash
# scripts/cluster.sh — the cluster proof (issue 18, ADR-055), on loopback only:
#   1. installs redis-server, nginx-light and prometheus with apt, only when missing;
#   2. starts its own throw-away PostgreSQL (scripts/postgres.sh, durable settings), which a test restarts under load;
#   3. starts Redis, three app nodes from ONE `dotnet publish`, and nginx in front of them (a generated config in a
#      scratch folder, its own pid file, run as the current user; no system file is touched), and Prometheus scraping
#      the three nodes with deploy/prometheus/servewell-alerts.yml loaded (its `for:` shortened to seconds);
#   4. runs tests/ServeWell.Cluster.Tests through nginx, writing a TRX into CLUSTER_RESULTS (test.sh's results folder);
#   5. stops everything it started, by PID, also on failure or Ctrl-C, and drops its database.
# Run alone it ends with the "N passed, N failed" line of its own TRX. CLUSTER_NO_BUILD=1 publishes the Debug build
# that test.sh has already made instead of building again.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/servewell-cluster.XXXXXX")"
PG_OS_USER="${PG_OS_USER:-postgres}"
PGPORT="${PGPORT:-54429}"
RESULTS="${CLUSTER_RESULTS:-$WORK/results}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log() { echo "[cluster] $*"; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while port_busy "$p"; do p=$((p + 1)); done; echo "$p"; }

# shellcheck source=postgres.sh
source "$ROOT/scripts/postgres.sh"

PIDS=()          # every process this script started (nodes, Redis, nginx), stopped by PID
OWN_PG=0
DB_NAME="servewell_cluster_$$"
ADMIN_PG=""

stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  PIDS=()
  if [ -n "$ADMIN_PG" ] && [ -n "$PGBIN" ]; then
    "$PGBIN/psql" "$ADMIN_PG" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1
  fi
  [ "$OWN_PG" -eq 1 ] && pg_stop
  rm -rf "$WORK/publish"
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT TERM

install_missing() {
  local need=()
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
  command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || { log "missing ${need[*]}, and installing needs root"; return 1; }
  log "apt: installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
}

wait_http() {   # $1 url, $2 seconds
  local i
  for i in $(seq 1 "$(( $2 * 4 ))"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = "200" ] && return 0
    sleep 0.25
  done
  return 1
}

fail() { log "$1"; echo "0 passed, 1 failed"; exit 1; }

mkdir -p "$WORK" "$RESULTS"
log "scratch $WORK"
install_missing || fail "apt install failed"

# ---------- PostgreSQL: our own, durable, restartable ----------
# Its own server (not test.sh's), with PostgreSQL's durable defaults, because a test stops it as a crash and starts it
# again under load: the control script it uses is written next to the data.
unset SERVEWELL_TEST_PG
PG_DURABLE=1 pg_start || fail "postgres failed to start"
OWN_PG=1
pg_control_script "$WORK/pgctl.sh"
ADMIN_PG="postgresql://postgres@127.0.0.1:${PGPORT}/postgres"
"$PGBIN/psql" "$ADMIN_PG" -qc "CREATE DATABASE $DB_NAME" >/dev/null || fail "cannot create database $DB_NAME"
CLUSTER_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB_NAME;Pooling=true"

# ---------- Redis ----------
REDIS_PORT=$(free_port 46379)
mkdir -p "$WORK/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK/redis" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
log "redis on 127.0.0.1:$REDIS_PORT (pid $!)"

# ---------- one publish, three nodes ----------
cd "$ROOT" || fail "cannot enter $ROOT"
if [ "${CLUSTER_NO_BUILD:-0}" = "1" ]; then
  dotnet publish src/ServeWell.Web -c Debug --no-build -v q -o "$WORK/publish" >"$WORK/publish.log" 2>&1 || { tail -20 "$WORK/publish.log"; fail "publish failed"; }
else
  dotnet publish src/ServeWell.Web -c Debug -v q -o "$WORK/publish" >"$WORK/publish.log" 2>&1 || { tail -20 "$WORK/publish.log"; fail "publish failed"; }
fi

API_KEY="cluster-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SCRAPE_KEY="scrape-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
NODE_URLS=(); NODE_PIDS=()
# The overdue reminders every 6 s (not daily) and the monthly report looked for every 5 s on any day of the month, so
# that step 8 can watch them run on one node at a time and find each reminder and report once.
start_node() {   # $1 = node number; the first one migrates and seeds the demo city, the others find it done
  local port; port=$(free_port $((46400 + $1 * 10)))
  (
    cd "$WORK/publish" || exit 1
    # exec: the PID we record is the app's own, so a test can kill -9 exactly one node.
    exec env ASPNETCORE_ENVIRONMENT=Production \
      Database__Provider=Postgres ConnectionStrings__ServeWell="$CLUSTER_PG" \
      Redis__Configuration="127.0.0.1:$REDIS_PORT" Redis__KeyPrefix="cluster$$:" \
      ForwardedHeaders__TrustedProxies=127.0.0.1 \
      PublicUrl="http://127.0.0.1:$NGINX_PORT" \
      Demo__Enabled=true Demo__FeedbackAnswers=200 Demo__ApiKey="$API_KEY" \
      Feedback__RateLimits__PerAddressPerMinute="${CLUSTER_PER_ADDRESS:-30}" \
      Feedback__DuplicateWindow=00:00:00 \
      FollowUps__ReminderInterval=00:00:06 Insights__Reports__SendOnFirstDays=31 Insights__Reports__Look=00:00:05 \
      Mail__Folder="$WORK/mail/node$1" Metrics__ScrapeKey="$SCRAPE_KEY" \
      Logging__LogLevel__Default=Warning \
      dotnet ServeWell.Web.dll --urls "http://127.0.0.1:$port"
  ) >"$WORK/node$1.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid"); NODE_PIDS+=("$pid"); NODE_URLS+=("http://127.0.0.1:$port")
  log "node $1 on 127.0.0.1:$port (pid $pid)"
}

NGINX_PORT=$(free_port 46480)
start_node 1
wait_http "${NODE_URLS[0]}/health/ready" 180 || { tail -30 "$WORK/node1.log"; fail "node 1 did not become ready"; }
start_node 2
start_node 3
wait_http "${NODE_URLS[1]}/health/ready" 120 || { tail -30 "$WORK/node2.log"; fail "node 2 did not become ready"; }
wait_http "${NODE_URLS[2]}/health/ready" 120 || { tail -30 "$WORK/node3.log"; fail "node 3 did not become ready"; }

# ---------- nginx in front ----------
NGX="$WORK/nginx"; mkdir -p "$NGX/logs"
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
{
  echo "daemon off; worker_processes 1; pid $NGX/nginx.pid; error_log $NGX/logs/error.log warn;"
  echo "events { worker_connections 256; }"
  echo "http {"
  echo "  access_log off;"
  echo "  client_body_temp_path $NGX/client; proxy_temp_path $NGX/proxy; fastcgi_temp_path $NGX/fastcgi;"
  echo "  uwsgi_temp_path $NGX/uwsgi; scgi_temp_path $NGX/scgi;"
  echo "  upstream servewell {"
  for url in "${NODE_URLS[@]}"; do echo "    server ${url#http://} max_fails=1 fail_timeout=5s;"; done
  echo "  }"
  echo "  server {"
  echo "    listen 127.0.0.1:$NGINX_PORT;"
  echo "    location / {"
  echo "      proxy_pass http://servewell;"
  # As README's multi-node section says: nginx appends the client's address; the nodes trust only 127.0.0.1 (this
  # proxy), so they stop at that rightmost address and a forged X-Forwarded-For before it changes nothing.
  echo "      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
  echo "      proxy_set_header X-Forwarded-Proto \$scheme;"
  echo "      proxy_set_header Host \$host:\$server_port;"
  echo "      proxy_next_upstream error timeout http_502;"
  echo "      proxy_connect_timeout 2s;"
  echo "    }"
  echo "  }"
  echo "}"
} >"$NGX/nginx.conf"
"$NGINX_BIN" -c "$NGX/nginx.conf" -p "$NGX" >"$WORK/nginx.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$NGINX_PORT/health/ready" 30 || { cat "$NGX/logs/error.log"; fail "nginx did not answer"; }
log "nginx on 127.0.0.1:$NGINX_PORT (pid ${PIDS[-1]})"

# ---------- Prometheus, scraping each node with the key, evaluating the shipped alert rules ----------
# The rules are the repository's file with every `for:` cut to 3 s and 1-second scrapes and evaluations, so that a
# test can see an alert fire within the run; the expressions are the ones an operator loads.
PROM="$WORK/prometheus"; mkdir -p "$PROM/data"
PROM_PORT=$(free_port 46490)
printf '%s' "$SCRAPE_KEY" >"$PROM/scrape-key"
sed -E 's/^( +)for: .*/\1for: 3s/' "$ROOT/deploy/prometheus/servewell-alerts.yml" >"$PROM/servewell-alerts.yml"
{
  echo "global: { scrape_interval: 1s, evaluation_interval: 1s, scrape_timeout: 1s }"
  echo "rule_files: [ $PROM/servewell-alerts.yml ]"
  echo "scrape_configs:"
  echo "  - job_name: servewell"
  echo "    authorization: { type: Bearer, credentials_file: $PROM/scrape-key }"
  echo "    static_configs:"
  echo "      - targets: [ $(for url in "${NODE_URLS[@]}"; do printf '"%s", ' "${url#http://}"; done | sed 's/, $//') ]"
} >"$PROM/prometheus.yml"
prometheus --config.file="$PROM/prometheus.yml" --storage.tsdb.path="$PROM/data" --storage.tsdb.retention.time=2h \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$PROM_PORT/-/ready" 60 || { tail -20 "$WORK/prometheus.log"; fail "prometheus did not become ready"; }
log "prometheus on 127.0.0.1:$PROM_PORT (pid ${PIDS[-1]})"

# ---------- the cluster tests ----------
# Built here, with SERVEWELL_CLUSTER_URL set: only then is it a test project (the solution-wide run skips it).
export SERVEWELL_CLUSTER_URL="http://127.0.0.1:$NGINX_PORT"
export SERVEWELL_CLUSTER_NODES; SERVEWELL_CLUSTER_NODES=$(IFS=,; echo "${NODE_URLS[*]}")
export SERVEWELL_CLUSTER_NODE_PIDS; SERVEWELL_CLUSTER_NODE_PIDS=$(IFS=,; echo "${NODE_PIDS[*]}")
export SERVEWELL_CLUSTER_PG="$CLUSTER_PG" SERVEWELL_CLUSTER_API_KEY="$API_KEY"
export SERVEWELL_CLUSTER_PER_ADDRESS="${CLUSTER_PER_ADDRESS:-30}"
export SERVEWELL_CLUSTER_PGCTL="$WORK/pgctl.sh" SERVEWELL_CLUSTER_SCRAPE_KEY="$SCRAPE_KEY"
export SERVEWELL_CLUSTER_PROMETHEUS="http://127.0.0.1:$PROM_PORT" SERVEWELL_CLUSTER_RULES="$ROOT/deploy/prometheus/servewell-alerts.yml"
export SERVEWELL_CLUSTER_MAIL_DIRS; SERVEWELL_CLUSTER_MAIL_DIRS=$(for n in 1 2 3; do printf '%s,' "$WORK/mail/node$n"; done | sed 's/,$//')
dotnet test tests/ServeWell.Cluster.Tests --nologo -c Debug -v q \
  --results-directory "$RESULTS" --logger "trx;LogFilePrefix=cluster" --logger "console;verbosity=normal"
rc=$?
if [ "$rc" -ne 0 ]; then
  for n in 1 2 3; do log "node $n, last lines:"; tail -15 "$WORK/node$n.log"; done
fi

stop_all
trap - EXIT INT TERM
if [ -z "${CLUSTER_RESULTS:-}" ]; then
  grep -ho '<Counters [^>]*>' "$RESULTS"/cluster*.trx | awk '
    { for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2) { gsub(/["\/>]/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d passed, %d failed\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"] }'
fi
exit "$rc"
