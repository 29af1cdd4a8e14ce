#!/usr/bin/env bash
# Starts (creating on first use) Engage's private PostgreSQL cluster under .data/postgres and
# prints its connection string. Used by run.sh and test.sh when ConnectionStrings__Engage is unset.
#   scripts/postgres.sh start   create if needed, start, print the connection string
#   scripts/postgres.sh stop    stop the cluster
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` OS user.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# ENGAGE_PG_DATA lets a test run a throwaway cluster of its own (e.g. to stop it mid-test).
data="${ENGAGE_PG_DATA:-$root/.data/postgres}"
sock="$data.sock"
port="${ENGAGE_PG_PORT:-55432}"
bin="/usr/lib/postgresql/15/bin"
[ -x "$bin/initdb" ] || bin="$(dirname "$(command -v initdb)")"

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  mkdir -p "$(dirname "$data")"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$root/.data" --no-create-home postgres
    # the postgres user must be able to reach the folders on the way to the data folder
    d="$(dirname "$data")"; while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
  fi
  mkdir -p "$sock"
  [ "$(id -u)" = 0 ] && chown postgres "$sock"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"; [ "$(id -u)" = 0 ] && chown postgres "$data"
    as_owner "$bin/initdb" -D "$data" -U engage --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 300
shared_buffers = 512MB
fsync = on
synchronous_commit = on
CONF
  fi
  # A cluster made under another ENGAGE_PG_PORT is restarted on this one (postmaster.pid's 4th line is its port).
  if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 && [ "$(sed -n 4p "$data/postmaster.pid")" != "$port" ]; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  fi
  if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port" -w -t 60 start >/dev/null
  fi
  for db in $(printf '%s\n' engage engage_test "${1:-engage}" | sort -u); do
    if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U engage -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
      "$bin/psql" -h 127.0.0.1 -p "$port" -U engage -d postgres -qc "create database $db" >/dev/null
    fi
  done
  echo "Host=127.0.0.1;Port=$port;Username=engage;Database=${1:-engage}"
}

stop() {
  [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start "${2:-engage}" ;;
  stop) stop ;;
  *) echo "usage: $0 start [database]|stop" >&2; exit 2 ;;
esac
