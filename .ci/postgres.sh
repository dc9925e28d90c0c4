# Sourced by .ci/run: start a throwaway PostgreSQL from the Debian packages for the PostgreSQL store tests and
# export WARTA_TEST_PG. Installs the packages when missing and running as root; without a server the tests skip.
WARTA_PG_PORT=${WARTA_PG_PORT:-55432}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
WARTA_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$WARTA_PG_BIN" ]; then
  WARTA_PG_DIR=$(mktemp -d /tmp/warta-ci-pg.XXXXXX)
  WARTA_PG_AS=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$WARTA_PG_DIR"; WARTA_PG_AS=(runuser -u postgres --); fi
  "${WARTA_PG_AS[@]}" "$WARTA_PG_BIN/initdb" -D "$WARTA_PG_DIR/data" -A trust -U postgres -E UTF8 >/dev/null
  "${WARTA_PG_AS[@]}" "$WARTA_PG_BIN/pg_ctl" -D "$WARTA_PG_DIR/data" -l "$WARTA_PG_DIR/log" -w \
    -o "-p $WARTA_PG_PORT -k $WARTA_PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null
  trap '"${WARTA_PG_AS[@]}" "$WARTA_PG_BIN/pg_ctl" -D "$WARTA_PG_DIR/data" -m fast stop >/dev/null 2>&1; rm -rf "$WARTA_PG_DIR"' EXIT
  "$WARTA_PG_BIN/createdb" -h 127.0.0.1 -p "$WARTA_PG_PORT" -U postgres warta_test
  export WARTA_TEST_PG="postgresql://postgres@127.0.0.1:$WARTA_PG_PORT/warta_test"
  echo "== PostgreSQL for the store tests: $WARTA_TEST_PG"
else
  echo "== no PostgreSQL server: the PostgreSQL store tests will be skipped"
fi
