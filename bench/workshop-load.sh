#!/usr/bin/env bash
# The Workshop load benchmark:  bench/workshop-load.sh [driver options, e.g. --vote-rate 1000 --seconds 30]
# Starts its own PostgreSQL cluster (.data/bench-pg, port 55448, database engage_bench, recreated each run)
# and its own host (Production, 127.0.0.1:5090), measures PostgreSQL's raw single-row insert rate with
# pgbench, then runs bench/WorkshopLoad against the host. Everything it started is stopped at the end.
# See bench/WorkshopLoad/README.md for what each phase measures.
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$root"

export ENGAGE_PG_DATA="$root/.data/bench-pg" ENGAGE_PG_PORT=55448
database=engage_bench
port=5090
url="http://127.0.0.1:$port"
data="${ENGAGE_DATA:-$root/../shared/data}"
polis="$data/polis/ssis.land-bank-farmland.2rumnecbeh.2021-08-01"
pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/pgbench" ] || pgbin="$(dirname "$(command -v pgbench)")"
work="$(mktemp -d)"
log="$root/.data/bench-host.log"
host=""; sampler=""

stop_all() {
  [ -n "${driver:-}" ] && kill "$driver" 2>/dev/null || true
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$host" ] && { kill "$host" 2>/dev/null; wait "$host" 2>/dev/null || true; }
  "$root/scripts/postgres.sh" stop
  rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

ensure_node_packages
echo "Starting PostgreSQL (port $ENGAGE_PG_PORT, $ENGAGE_PG_DATA)..."
"$root/scripts/postgres.sh" start "$database" >/dev/null
# A fresh database each run, so the second run does not measure on top of the first one's rows.
"$pgbin/psql" -h 127.0.0.1 -p "$ENGAGE_PG_PORT" -U engage -d postgres -qc "drop database if exists $database" >/dev/null
export ConnectionStrings__Engage="$("$root/scripts/postgres.sh" start "$database")"

# As run.sh: build, write Wolverine's code, build the host again so Production loads it statically.
echo "Building (Release)..."
rm -rf src/Host/Internal/Generated
dotnet build Engage.sln -c Release --nologo -v quiet -clp:ErrorsOnly -p:WarningLevel=0
environment=Production
if ! (cd src/Host && dotnet bin/Release/net10.0/Engage.Host.dll codegen write >"$work/codegen.log" 2>&1); then
  # Production needs every handler pre-generated. When the source cannot be pre-generated, the figures
  # are still worth having: run as Development, where Wolverine generates handler code at first use
  # (the warm-up pays for that), and say so.
  echo "WARNING: 'codegen write' failed, so the host runs as Development (handler code generated at run time):" >&2
  grep -A3 -m1 "Exception:" "$work/codegen.log" >&2 || tail -5 "$work/codegen.log" >&2
  environment=Development
  rm -rf src/Host/Internal/Generated
fi
dotnet build src/Host -c Release --nologo -v quiet -clp:ErrorsOnly -p:WarningLevel=0

export ASPNETCORE_ENVIRONMENT="$environment"
export Site__PublicUrl="$url"
export ENGAGE_ADMIN_EMAIL=bench-admin@engage.local
export ENGAGE_ADMIN_PASSWORD=Bench-load-2026-engage
export ENGAGE_MAIL_DROP="$work/mail"
# The per-participant and per-address write limits and the sign-in limit protect a real site; here one
# address plays hundreds of participants, so they are raised out of the way.
export RateLimits__SignInPerMinute=1000000
export RateLimits__WritesPerMinutePerParticipant=1000000
export RateLimits__WritesPerMinutePerAddress=100000000
dotnet src/Host/bin/Release/net10.0/Engage.Host.dll --urls "$url" --contentRoot "$root/src/Host" >"$log" 2>&1 &
host=$!
until curl -sf "$url/health/ready" >/dev/null 2>&1; do
  kill -0 "$host" 2>/dev/null || { echo "The host failed to start; the end of $log:" >&2; tail -30 "$log" >&2; exit 1; }
  sleep 0.3
done
echo "Engage is ready at $url as $environment (host pid $host; log $log)"

# PostgreSQL's own single-row insert rate on this box: the physical ceiling for one write per request.
"$pgbin/psql" -h 127.0.0.1 -p "$ENGAGE_PG_PORT" -U engage -d "$database" -qc \
  "create table if not exists bench_insert (id bigserial primary key, at timestamptz not null default now(), payload text not null)"
echo "insert into bench_insert (payload) values ('one row per transaction');" > "$work/insert.sql"
echo "pgbench: one-row inserts, 8 clients, 2 threads, 20 s..."
pgbench_out="$("$pgbin/pgbench" -h 127.0.0.1 -p "$ENGAGE_PG_PORT" -U engage -n -c 8 -j 2 -T 20 -f "$work/insert.sql" "$database" 2>&1)"
tps="$(echo "$pgbench_out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)"
echo "pgbench: ${tps:-?} inserts/s"

# CPU every 5 s from /proc, by process: this host, this cluster's PostgreSQL processes, the driver, and
# what else runs on the machine (other PostgreSQL clusters, other dotnet processes such as builds or
# tests, the rest). Per cent of one core: 200% means both cores were busy.
postmaster="$(head -1 "$ENGAGE_PG_DATA/postmaster.pid")"
ticks_per_second="$(getconf CLK_TCK)"
snapshot() {
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v host="$host" -v pm="$postmaster" -v driver="$(cat "$work/driver.pid" 2>/dev/null)" '{
    pid = $1; r = $0; sub(/^[0-9]+ \(/, "", r); k = index(r, ") "); comm = substr(r, 1, k - 1); split(substr(r, k + 2), f, " ")
    class = pid == host ? "host" : pid == driver ? "driver" : (pid == pm || f[2] == pm) ? "postgres" \
      : comm == "postgres" ? "other-postgres" : comm == "dotnet" ? "other-dotnet" : "rest"
    print pid, class, f[12] + f[13] }'
}
(
  set +e +o pipefail # processes come and go while /proc is read
  commits() { "$pgbin/psql" -h 127.0.0.1 -p "$ENGAGE_PG_PORT" -U engage -d "$database" -tAc "select xact_commit from pg_stat_database where datname = current_database()"; }
  before="$(snapshot)"; started=$(date +%s%N); committed="$(commits)"
  while sleep 5; do
    after="$(snapshot)"; now=$(date +%s%N); committed_now="$(commits)"
    printf '%s\n--\n%s\n' "$before" "$after" | awk -v seconds="$(( (now - started) / 1000000 ))" -v hz="$ticks_per_second" -v at="$(date +%H:%M:%S)" \
      -v commits="$(( committed_now - committed ))" '
      $1 == "--" { second = 1; next }
      !second { was[$1] = $3; next }
      { used[$2] += $3 - ($1 in was ? was[$1] : 0) }
      END { scale = 100000 / (hz * seconds)
        printf "[cpu %s] host %4.0f%%  postgres %4.0f%%  driver %4.0f%%  | other work: dotnet %4.0f%%  postgres %4.0f%%  rest %3.0f%%  | commits/s %5.0f\n",
          at, used["host"] * scale, used["postgres"] * scale, used["driver"] * scale, used["other-dotnet"] * scale, used["other-postgres"] * scale, used["rest"] * scale,
          commits * 1000 / seconds }'
    before="$after"; started=$now; committed="$committed_now"
  done
) >"$work/cpu.log" 2>/dev/null &
sampler=$!

dotnet bench/WorkshopLoad/bin/Release/net10.0/Engage.WorkshopLoad.dll "$url" "$ENGAGE_ADMIN_EMAIL" "$ENGAGE_ADMIN_PASSWORD" "$ENGAGE_MAIL_DROP" \
  --polis "$polis" --pgbench-tps "${tps:-0}" "$@" &
driver=$!
echo "$driver" > "$work/driver.pid"
status=0; wait "$driver" || status=$?

echo; echo "PostgreSQL tables of this run, most rows read by sequential scans first, then most rows written:"
"$pgbin/psql" -h 127.0.0.1 -p "$ENGAGE_PG_PORT" -U engage -d "$database" -c \
  "select schemaname || '.' || relname as table, seq_scan, seq_tup_read, idx_scan, n_tup_ins as inserted, n_tup_upd as updated, n_tup_del as deleted, n_live_tup as rows
     from pg_stat_user_tables where seq_tup_read > 0 or n_tup_ins > 0 order by seq_tup_read desc, n_tup_ins desc limit 14"
"$pgbin/psql" -h 127.0.0.1 -p "$ENGAGE_PG_PORT" -U engage -d "$database" -tAc \
  "select 'transactions committed: ' || xact_commit || ', rolled back: ' || xact_rollback from pg_stat_database where datname = current_database()"
echo; echo "CPU per 5 s (100% = one core, 200% = both; 'other work' is not this benchmark's):"
cat "$work/cpu.log"
exit $status
