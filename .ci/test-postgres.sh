# Sourced by .ci/run: a throwaway PostgreSQL for the whole test run — initdb in a temporary folder (owned by the
# postgres system user when run as root: PostgreSQL refuses root), a free loopback port, durability off. It exports
# SITREP_TEST_DATABASE_URL and is stopped, its folder removed, when the shell exits (trap).

test_postgres_dir=''

stop_test_postgres() {
  [ -n "$test_postgres_dir" ] || return 0
  local pid_file="$test_postgres_dir/data/postmaster.pid" pid
  if [ -f "$pid_file" ]; then
    pid=$(head -n 1 "$pid_file")
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$test_postgres_dir"
  test_postgres_dir=''
}

start_test_postgres() {
  local bin port as_postgres=()
  bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$bin/postgres" ] || { echo "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/postgres)" >&2; return 1; }
  test_postgres_dir=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-ci-postgres-XXXXXX")
  trap stop_test_postgres EXIT
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$test_postgres_dir"
    as_postgres=(runuser -u postgres --)
  fi
  "${as_postgres[@]}" "$bin/initdb" -D "$test_postgres_dir/data" -U sitrep --auth=trust --encoding=UTF8 --locale=C --no-sync \
    >"$test_postgres_dir/initdb.log" 2>&1 || { cat "$test_postgres_dir/initdb.log" >&2; return 1; }
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  "${as_postgres[@]}" "$bin/postgres" -D "$test_postgres_dir/data" -p "$port" -k "$test_postgres_dir" \
    -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
    >"$test_postgres_dir/postgres.log" 2>&1 &
  for _ in $(seq 1 300); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.1
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not start:" >&2; cat "$test_postgres_dir/postgres.log" >&2; return 1; }
  export SITREP_TEST_DATABASE_URL="postgres://sitrep@127.0.0.1:$port/postgres"
  echo "Throwaway PostgreSQL for the tests: $SITREP_TEST_DATABASE_URL"
}
