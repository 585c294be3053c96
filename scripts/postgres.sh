#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for end-to-end runs.
#
#   scripts/postgres.sh start [STATE_DIR]   init + start a cluster on a free 127.0.0.1 port; prints its DSN
#   scripts/postgres.sh stop  [STATE_DIR]   stop it and delete every file it had
#   scripts/postgres.sh dsn   [STATE_DIR]   print the DSN of a running cluster
#   scripts/postgres.sh createdb NAME [STATE_DIR]   (re)create database NAME in it; prints that DSN
#
# STATE_DIR defaults to $AWAITIFY_PG_DIR or ${TMPDIR:-/tmp}/awaitify-pg. Only the DSN goes to stdout, e.g.
#   postgresql://awaitify@127.0.0.1:PORT/postgres
# (a sync URL; the async twin is the same with postgresql+asyncpg://). Authentication is `trust` on
# loopback only: the cluster lives for one run and holds nothing but test rows.
#
# initdb and postgres refuse to run as root, so as root the cluster belongs to the `postgres` system user
# that Debian's package creates. PostgreSQL is installed from Debian's packages when missing.
set -euo pipefail

cmd="${1:-}"
dbname=""
if [[ "$cmd" == createdb ]]; then
  dbname="${2:-}"
  shift || true
fi
state="${2:-${AWAITIFY_PG_DIR:-${TMPDIR:-/tmp}/awaitify-pg}}"
superuser=awaitify

log() { printf 'postgres: %s\n' "$*" >&2; }

find_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
    pg_config --bindir
    return 0
  fi
  # Newest installed major first; Debian keeps server binaries off PATH.
  local found=()
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] && found+=("$d")
  done
  ((${#found[@]})) || return 1
  printf '%s\n' "${found[@]}" | sort -t/ -k5 -rn | head -n1
}

ensure_installed() {
  find_bindir >/dev/null && return 0
  if [[ $(id -u) -ne 0 ]]; then
    log "PostgreSQL server binaries not found and not root; install Debian's 'postgresql' package"
    exit 1
  fi
  log "installing Debian's postgresql"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >&2
  find_bindir >/dev/null || { log "postgresql installed but initdb not found"; exit 1; }
}

# Runs a server binary as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  # Bind to port 0 and let the kernel choose; the tiny window before postgres binds it is acceptable
  # because start fails loudly (pg_ctl -w) rather than silently sharing a port.
  local py
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1; then
      "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
      return 0
    fi
  done
  log "no python3 to pick a free port with"
  exit 1
}

dsn() {
  printf 'postgresql://%s@127.0.0.1:%s/%s\n' "$superuser" "$(cat "$state/port")" "${1:-postgres}"
}

createdb() {
  [[ "$dbname" =~ ^[a-z_][a-z0-9_]*$ ]] || { log "database name must match [a-z_][a-z0-9_]*: '$dbname'"; exit 2; }
  [[ -f "$state/port" ]] || { log "no cluster in $state"; exit 1; }
  local bindir
  bindir="$(find_bindir)"
  # Drop first so every run starts from an empty database, whatever an earlier run left.
  PGOPTIONS="--client-min-messages=warning" "$bindir/psql" "$(dsn)" -v ON_ERROR_STOP=1 -qX \
    -c "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" -c "CREATE DATABASE $dbname" >&2
  dsn "$dbname"
}

start() {
  ensure_installed
  local bindir port
  bindir="$(find_bindir)"
  if [[ -f "$state/data/postmaster.pid" ]] && as_owner "$bindir/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
    log "already running in $state"
    dsn
    return 0
  fi
  rm -rf "$state"
  mkdir -p "$state"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$state"
    # The postgres user must be able to reach the state dir through every parent (e.g. a 0700 $TMPDIR).
    if ! runuser -u postgres -- test -w "$state"; then
      log "the postgres user cannot write to $state; choose a STATE_DIR under a world-traversable directory"
      exit 1
    fi
  fi
  port="$(free_port)"
  printf '%s\n' "$port" >"$state/port"
  as_owner "$bindir/initdb" -D "$state/data" -U "$superuser" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$state/initdb.log" 2>&1 || { cat "$state/initdb.log" >&2; exit 1; }
  # Socket in the state dir: /var/run/postgresql may not exist or belong to someone else.
  # fsync off: a throwaway cluster needs speed, not durability.
  as_owner "$bindir/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$state/server.log" >&2; exit 1; }
  log "started on 127.0.0.1:$port (state in $state)"
  dsn
}

stop() {
  if [[ ! -d "$state" ]]; then
    log "nothing to stop in $state"
    return 0
  fi
  local bindir
  if [[ -f "$state/data/postmaster.pid" ]] && bindir="$(find_bindir)"; then
    # Fast mode disconnects clients, so a hung test cannot keep the cluster alive; immediate is the fallback.
    # If both fail the files stay: deleting a live cluster's directory would orphan a server nobody can stop.
    if ! as_owner "$bindir/pg_ctl" -D "$state/data" -m fast -w -t 60 stop >&2 &&
       ! as_owner "$bindir/pg_ctl" -D "$state/data" -m immediate -w -t 30 stop >&2; then
      if as_owner "$bindir/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
        log "could not stop the cluster in $state; left it in place"
        return 1
      fi
    fi
  fi
  rm -rf "$state"
  log "stopped and removed $state"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  createdb) createdb ;;
  dsn) [[ -f "$state/port" ]] || { log "no cluster in $state"; exit 1; }; dsn ;;
  *) echo "usage: $0 start|stop|dsn [STATE_DIR] | createdb NAME [STATE_DIR]" >&2; exit 2 ;;
esac
