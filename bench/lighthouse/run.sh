#!/usr/bin/env bash
# Lighthouse (mobile, simulated throttling) for the citizen survey, the kiosk and each demo role's home page,
# in the system Chromium, against a Release build of the app on 127.0.0.1 with a fresh demo city.
# The machine's own ceiling is measured in the same run: the same audit of a minimal static page served on
# loopback by Python. Our performance score is reported beside it and as a ratio to it.
#
#   bench/lighthouse/run.sh [out-dir]        (default: artifacts/lighthouse)
#
# Needs: node/npm (Lighthouse 12.2.3 is installed with npm into ~/.cache/servewell-lighthouse, once),
# /usr/bin/chromium, python3, curl. Stops what it starts, by PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=${1:-$ROOT/artifacts/lighthouse}
mkdir -p "$OUT"
LH_HOME=${LH_HOME:-$HOME/.cache/servewell-lighthouse}
LH_VERSION=12.2.3
if [ ! -x "$LH_HOME/node_modules/.bin/lighthouse" ] || [ "$("$LH_HOME/node_modules/.bin/lighthouse" --version)" != "$LH_VERSION" ]; then
  mkdir -p "$LH_HOME"
  (cd "$LH_HOME" && npm i -E --no-audit --no-fund --silent "lighthouse@$LH_VERSION" >/dev/null)
fi
LH=$LH_HOME/node_modules/.bin/lighthouse
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"

WORK=$(mktemp -d /tmp/servewell-lh.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# The ceiling: a minimal, accessible static page.
mkdir -p "$WORK/static"
cat > "$WORK/static/index.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="Baseline"><title>Baseline</title></head><body><main><h1>Hello</h1><p>A static page.</p></main></body></html>
HTML
SPORT=$(free_port)
python3 -m http.server "$SPORT" --bind 127.0.0.1 --directory "$WORK/static" >/dev/null 2>&1 &
PIDS+=($!)

# The app: Release, Production, its own SQLite database and mail folder, the demo city seeded.
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
# Published, as a deployment runs it: a plain Release build outside Development serves empty static assets.
dotnet publish src/ServeWell.Web -c Release -o "$WORK/publish" -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Production Demo__Enabled=true PublicUrl="$BASE" \
  ConnectionStrings__ServeWell="Data Source=$WORK/lh.db" Mail__Folder="$WORK/outbox" \
  dotnet "$WORK/publish/ServeWell.Web.dll" --urls "$BASE" --contentRoot "$WORK/publish" \
  >"$WORK/app.log" 2>&1 &
APP=$!
PIDS+=($APP)
for _ in $(seq 1 900); do
  kill -0 "$APP" 2>/dev/null || break
  if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "$BASE/health/ready" >/dev/null || { echo "the app did not become ready; log:"; tail -40 "$WORK/app.log"; exit 1; }

# Sign in as a demo account; print the Cookie header value (session + the page language).
cookie_for() {
  local email=$1 lang=$2 jar="$WORK/jar-$1"
  local token
  token=$(curl -fsS -c "$jar" -b "$jar" "$BASE/Accounts/SignIn" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$email" --data-urlencode "Password=ServeWell-demo-1" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Accounts/SignIn"
  local c
  c=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) { n=$6; printf "%s=%s; ", n, $7 } }' "$jar")
  printf '%s.AspNetCore.Culture=c%%3D%s%%7Cuic%%3D%s' "$c" "$lang" "$lang"
}

run_lh() { # name url [cookie]
  local name=$1 url=$2 cookie=${3:-}
  local headers="$WORK/h-$name.json"
  if [ -n "$cookie" ]; then printf '{"Cookie": "%s"}' "$cookie" >"$headers"; else echo '{}' >"$headers"; fi
  "$LH" "$url" --quiet --only-categories=performance,accessibility --output=json --output-path="$OUT/$name.json" \
    --extra-headers="$headers" --chrome-flags="$CHROME_FLAGS" --max-wait-for-load=60000 >/dev/null 2>"$WORK/lh-$name.err" \
    || { echo "lighthouse failed on $name ($url):"; tail -5 "$WORK/lh-$name.err"; return 1; }
  echo "$name"
}

PAGES=()
run_lh baseline "http://127.0.0.1:$SPORT/" && PAGES+=(baseline)
admin_cookie=$(cookie_for admin@servewell.demo en)
code=$(curl -fsS -H "Cookie: $admin_cookie" "$BASE/api/v1/touchpoints" | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const j = JSON.parse(s); const items = Array.isArray(j) ? j : (j.items || j.data || []);
    const t = items.find(x => !x.retiredAt && x.code) || items[0]; process.stdout.write(t ? t.code : ""); });') || true
[ -n "$code" ] || { echo "no touchpoint code found for the survey page"; exit 1; }
run_lh survey-ko "$BASE/f/$code" "$(printf '.AspNetCore.Culture=c%%3Dko%%7Cuic%%3Dko')" && PAGES+=(survey-ko)
run_lh kiosk-ko "$BASE/kiosk" "$(printf '.AspNetCore.Culture=c%%3Dko%%7Cuic%%3Dko')" && PAGES+=(kiosk-ko)
for role in employee instructor supervisor leader training admin; do
  for lang in ko en; do
    run_lh "home-$role-$lang" "$BASE/" "$(cookie_for "$role@servewell.demo" "$lang")" && PAGES+=("home-$role-$lang")
  done
done

node - "$OUT" "${PAGES[@]}" <<'JS'
const fs = require("fs"), path = require("path");
const [out, ...names] = process.argv.slice(2);
const read = n => JSON.parse(fs.readFileSync(path.join(out, n + ".json"), "utf8"));
const base = read("baseline");
const score = (r, c) => Math.round(r.categories[c].score * 100);
const floor = score(base, "performance");
for (const n of names.filter(n => n.startsWith("home-"))) {
  const css = read(n).audits["network-requests"].details.items.find(i => /\/css\/.*\.css/.test(i.url));
  if (!css || css.resourceSize < 1000) { console.error(`${n}: the stylesheet did not load (${css ? css.resourceSize + " bytes" : "no request"})`); process.exit(1); }
}
console.log(`| Page | Final URL | Performance | Ratio to the static page (${floor}) | Accessibility | LCP | TBT | CLS | Bytes (compressed, first load) |`);
console.log("|---|---|---|---|---|---|---|---|---|");
let bad = 0;
for (const n of names) {
  const r = read(n);
  const perf = score(r, "performance"), a11y = score(r, "accessibility");
  const au = r.audits;
  const failing = Object.values(au).filter(x => x.score === 0 && r.categories.accessibility.auditRefs.some(a => a.id === x.id)).map(x => x.id);
  if (n !== "baseline" && (a11y < 100 || perf < 95)) bad++;
  console.log(`| ${n} | ${r.finalDisplayedUrl.replace(/^https?:\/\/[^/]+/, "")} | ${perf} | ${(perf / floor).toFixed(2)} | ${a11y}${failing.length ? " (" + failing.join(", ") + ")" : ""} | ${au["largest-contentful-paint"].displayValue} | ${au["total-blocking-time"].displayValue} | ${au["cumulative-layout-shift"].displayValue} | ${(au["total-byte-weight"].numericValue / 1024).toFixed(1)} KB |`);
}
console.log(`${names.length - 1} pages, ${bad} below accessibility 100 or performance 95`);
JS
