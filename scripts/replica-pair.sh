#!/usr/bin/env bash
# A PostgreSQL primary and its streaming replica on this machine, for the replica tests and the
# lag measurement (issue 12, ADR 0016): a small primary cluster of its own (initdb, port 5434,
# trusting local logins and replication) and a hot standby made from it with pg_basebackup
# (port 5435, -R: it streams from the primary). The machine's own cluster (5432) is not touched.
#   bash scripts/replica-pair.sh up     # prints the two URLs as TEST_REPLICA_PRIMARY_URL=… TEST_REPLICA_URL=…
#   bash scripts/replica-pair.sh down
# Runs the servers as the `postgres` user (initdb refuses root). REPLICA_PAIR_DIR (default
# /tmp/regie-replica-pair), REPLICA_PAIR_PORTS (default "5434 5435").
set -euo pipefail
dir=${REPLICA_PAIR_DIR:-/tmp/regie-replica-pair}
read -r pport rport <<<"${REPLICA_PAIR_PORTS:-5434 5435}"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

down() {
  for c in replica primary; do
    [ -f "$dir/$c/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/$c" -m immediate stop >/dev/null 2>&1 || true
  done
  rm -rf "$dir"
}

case "${1:-}" in
up)
  down
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_pg "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log"; exit 1; }
  cat >>"$dir/primary/postgresql.conf" <<EOF
port = $pport
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = on
EOF
  cat >"$dir/primary/pg_hba.conf" <<'EOF'
local all all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
EOF
  as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
  as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$pport" -U postgres -D "$dir/replica" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 ||
    { cat "$dir/basebackup.log"; exit 1; }
  sed -i "s/^port = $pport/port = $rport/" "$dir/replica/postgresql.conf"
  as_pg "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w start >/dev/null
  for _ in $(seq 1 30); do
    [ "$(psql -h 127.0.0.1 -p "$rport" -U postgres -d postgres -Atc 'SELECT pg_is_in_recovery()' 2>/dev/null)" = t ] && break
    sleep 0.5
  done
  echo "TEST_REPLICA_PRIMARY_URL=postgres://postgres@127.0.0.1:$pport/postgres TEST_REPLICA_URL=postgres://postgres@127.0.0.1:$rport/postgres"
  ;;
down) down ;;
*)
  echo "usage: $0 up|down" >&2
  exit 2
  ;;
esac
