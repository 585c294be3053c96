#!/usr/bin/env bash
# Ensures .venv-sa2 (the SQLAlchemy 2.x stack of python/requirements-sa2.txt) exists and is current.
# Prints the venv's python path on stdout; everything else goes to stderr, so callers can do
#   PY=$(scripts/python-env.sh)
#
# The venv is rebuilt from scratch whenever the requirements file or the base interpreter changes:
# `pip install -r` on an old venv would leave removed or downgraded packages behind, and a stack that
# differs from the pinned one is exactly what this venv exists to rule out.
#
# Environment: PYTHON (base interpreter, default `python3` on PATH), AWAITIFY_SA2_VENV (venv path).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requirements="$root/python/requirements-sa2.txt"
venv="${AWAITIFY_SA2_VENV:-$root/.venv-sa2}"
base_python="${PYTHON:-python3}"
stamp="$venv/.awaitify-stamp"

log() { printf 'python-env: %s\n' "$*" >&2; }

if ! command -v "$base_python" >/dev/null 2>&1; then
  log "base interpreter '$base_python' not found on PATH"
  exit 1
fi

# The stamp covers the interpreter too: a venv made from another Python is not the one that was pinned.
base_version="$("$base_python" -c 'import sys; print(sys.version.split()[0], sys.executable)')"
want="$(sha256sum "$requirements" | cut -d' ' -f1) $base_version"

current() { [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; }

mkdir -p "$(dirname "$venv")"
# Two e2e runs starting together must not build the same venv at once. The lock lives outside the repo
# (and outside the venv, which gets deleted) so it leaves nothing untracked behind.
exec 9>"${TMPDIR:-/tmp}/awaitify-venv-$(printf '%s' "$venv" | sha256sum | cut -c1-16).lock"
flock 9

if current; then
  printf '%s\n' "$venv/bin/python"
  exit 0
fi

started=$SECONDS
log "building $venv from $base_version"
# Only ever delete something that is recognisably a venv: AWAITIFY_SA2_VENV could point anywhere.
if [[ -e "$venv" && ! -f "$venv/pyvenv.cfg" ]]; then
  log "$venv exists and is not a virtualenv; refusing to replace it"
  exit 1
fi
rm -rf "$venv"
"$base_python" -m venv "$venv"
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input --quiet -r "$requirements" >&2
# A pinned file can still install a broken set (a wheel missing for this platform falls back to an sdist
# that builds but does not import): prove the stack imports before declaring the venv ready.
"$venv/bin/python" -c 'import sqlalchemy, fastapi, pydantic, aiosqlite, asyncpg, pytest, pytest_asyncio, httpx, sqlmodel, psycopg2, greenlet' >&2
printf '%s' "$want" >"$stamp"
log "ready in $((SECONDS - started))s"
printf '%s\n' "$venv/bin/python"
