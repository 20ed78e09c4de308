# scripts/postgres.sh — a throw-away PostgreSQL on 127.0.0.1, sourced by test.sh and cluster.sh.
# Expects WORK (scratch folder), PG_OS_USER, PGPORT and a log function; sets PGBIN and exports SERVEWELL_TEST_PG(BIN).
PGBIN=""; PG_OPTS=""; PGDATA="$WORK/pgdata"; PGSOCK="$WORK/pgsock"; PGLOG="$WORK/postgres.log"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_start() {
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  if [ "$(id -u)" -eq 0 ] && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
  fi
  rm -rf "$PGDATA" "$PGSOCK"; mkdir -p "$PGDATA" "$PGSOCK"
  chmod 755 "$WORK"; chmod 700 "$PGDATA"
  touch "$PGLOG"
  [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER" "$PGDATA" "$PGSOCK" "$PGLOG"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log"; return 1; }
  local attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    while port_busy "$PGPORT" || [ "$PGPORT" -eq 5432 ]; do PGPORT=$((PGPORT + 1)); done
    PG_OPTS="-p $PGPORT -k $PGSOCK -c listen_addresses=127.0.0.1 -c max_connections=200"
    # fsync off for the functional tests; PG_DURABLE=1 (the cluster, the soak) keeps PostgreSQL's own defaults.
    [ "${PG_DURABLE:-0}" = "1" ] || PG_OPTS="$PG_OPTS -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t 60 -o "$PG_OPTS" start >/dev/null; then
      break
    fi
    log "postgres did not start on port $PGPORT (attempt $attempt), trying the next port"
    PGPORT=$((PGPORT + 1))
  done
  as_pg "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -t 30 >/dev/null || { tail -20 "$PGLOG"; return 1; }
  export SERVEWELL_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
  export SERVEWELL_TEST_PGBIN="$PGBIN"   # pg_dump and pg_restore of the same version, for the restore drill
  log "postgres $("$PGBIN/postgres" --version | awk '{print $3}') up on 127.0.0.1:$PGPORT (data $PGDATA, user $PG_OS_USER)"
}

pg_stop() {
  [ -n "$PGBIN" ] && [ -f "$PGDATA/postmaster.pid" ] || return 0
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null && log "postgres stopped"
  rm -rf "$PGDATA" "$PGSOCK"
}


# A small script that stops (as a crash: -m immediate) or starts this PostgreSQL again with the same settings, for a
# test that restarts the database under load. $1: where to write it.
pg_control_script() {
  cat >"$1" <<SCRIPT
#!/usr/bin/env bash
# Written by scripts/postgres.sh for this run only.
as_pg() { if [ "\$(id -u)" -eq 0 ]; then runuser -u "$PG_OS_USER" -- "\$@"; else "\$@"; fi; }
case "\$1" in
  stop)  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate -w stop ;;
  start) as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t 60 -o "$PG_OPTS" start ;;
  *) echo "usage: \$0 stop|start" >&2; exit 2 ;;
esac
SCRIPT
  chmod 755 "$1"
}
