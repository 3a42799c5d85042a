#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and prints ONLY its connection string on stdout:
#   export TRUCE_TEST_PG="$(bash .ci/start-postgres.sh)"
# Everything else goes to stderr. The data dir is written to $STATE_FILE so .ci/run can stop it:
#   pg_ctl -D "$(cat /tmp/truce-ci-pgdata)" -m fast stop
# Port: 55432 (not 5432, to stay clear of a system cluster), or $PGPORT_TRUCE. $TRUCE_PG_OPTIONS adds server settings,
# e.g. TRUCE_PG_OPTIONS="-c shared_buffers=1GB" for a benchmark whose data should fit in PostgreSQL's own cache.
set -euo pipefail

PORT="${PGPORT_TRUCE:-55432}"
STATE_FILE=/tmp/truce-ci-pgdata
CONN="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"

log() { echo "start-postgres: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Debian keeps the server tools out of PATH, in /usr/lib/postgresql/<major>/bin; take the newest major.
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[[ -x "$BIN/initdb" ]] || die "no /usr/lib/postgresql/*/bin/initdb; install the 'postgresql' package"

# A server is already there (e.g. a second call): reuse it.
if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  log "a server is already accepting connections on 127.0.0.1:$PORT; reusing it"
  echo "$CONN"
  exit 0
fi

# PostgreSQL refuses to run as root: as root, run its tools as the 'postgres' user (created by the package).
as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Short path on purpose: the Unix socket lives here too, and socket paths are limited to ~107 bytes.
DATA="$(mktemp -d /tmp/truce-pg.XXXXXX)"
if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$DATA"; fi
log "data dir: $DATA (stop with: pg_ctl -D $DATA -m fast stop)"
cd /   # the postgres user may not be allowed into the caller's working directory

# trust auth: local throwaway server only. UTF8 + C locale: same behaviour whatever the machine's locale.
as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync >&2 \
  || die "initdb failed"

# Durability off (fsync etc.): faster tests, and the data is thrown away anyway.
if ! as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${TRUCE_PG_OPTIONS:-}" >&2; then
  log "pg_ctl start failed; server log:"; cat "$DATA/log" >&2 || true
  die "could not start PostgreSQL on 127.0.0.1:$PORT"
fi
echo "$DATA" > "$STATE_FILE"

# pg_ctl -w already waits, but make sure TCP on 127.0.0.1 answers, since that is what the tests use.
for _ in $(seq 1 30); do
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    log "ready on 127.0.0.1:$PORT"
    echo "$CONN"
    exit 0
  fi
  sleep 1
done
log "server log:"; cat "$DATA/log" >&2 || true
die "server started but 127.0.0.1:$PORT never became ready"
