#!/usr/bin/env bash
# Ensures Debian's /usr/bin/python3 carries the SQLAlchemy 1.4 target stack (bookworm: SQLAlchemy 1.4.46,
# FastAPI 0.92, pydantic 1.10, httpx 0.23, pytest-asyncio 0.20). Prints the interpreter path on stdout.
#
# Debian's packages rather than a second pip venv: the reference spec's 1.4 facts were checked on exactly
# these builds, and a stable release keeps them fixed without a pin file of our own.
# python3-psycopg2 is added to the list from the brief because the example apps also run unmigrated (sync)
# against PostgreSQL.
set -euo pipefail

python=/usr/bin/python3
packages=(
  python3-sqlalchemy python3-fastapi python3-aiosqlite python3-asyncpg python3-pytest
  python3-pytest-asyncio python3-httpx python3-greenlet python3-psycopg2
)
probe='import sqlalchemy, fastapi, aiosqlite, asyncpg, pytest_asyncio, httpx, greenlet, psycopg2'

log() { printf 'debian-python: %s\n' "$*" >&2; }

if [[ -x "$python" ]] && "$python" -c "$probe" 2>/dev/null; then
  printf '%s\n' "$python"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  log "missing packages and not root; run as root or: apt-get install -y ${packages[*]}"
  exit 1
fi

started=$SECONDS
log "installing ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${packages[@]}" >&2
"$python" -c "$probe" >&2
log "ready in $((SECONDS - started))s: $("$python" -c 'import sqlalchemy, fastapi, pydantic; print("SQLAlchemy", sqlalchemy.__version__, "FastAPI", fastapi.__version__, "pydantic", pydantic.VERSION)')"
printf '%s\n' "$python"
