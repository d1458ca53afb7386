# Shared helpers for run.sh and test.sh. Sourced, not run.

# Installs npm packages when the lock file changed since the last install.
ensure_npm() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# Azurite's connection string for the given blob/queue/table ports.
storage_connection() {
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:$1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$2/devstoreaccount1;TableEndpoint=http://127.0.0.1:$3/devstoreaccount1;"
}

# Waits until something listens on 127.0.0.1:$1, for at most $2 seconds.
wait_port() {
  local port=$1 limit=${2:-30} i=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -ge $((limit * 10)) ]; then return 1; fi
    sleep 0.1
  done
  exec 3>&- 3<&- 2>/dev/null || true
}

# Fails when something already listens on 127.0.0.1:$1.
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "Port $1 on 127.0.0.1 is in use; stop whatever holds it and try again." >&2
    return 1
  fi
}

# start_azurite DATA_DIR BLOB QUEUE TABLE LOG: starts Azurite in the background; its PID is in AZURITE_PID.
start_azurite() {
  local dir=$1 blob=$2 queue=$3 table=$4 log=$5
  mkdir -p "$dir"
  node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --location "$dir" \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$log" 2>&1 &
  AZURITE_PID=$!
  wait_port "$blob" 60 && wait_port "$queue" 60 && wait_port "$table" 60 || {
    echo "Azurite did not start; see $log" >&2
    return 1
  }
}

# Stops a process we started: TERM, up to 10 s of grace, then KILL (Azurite ignores TERM at times).
stop_pid() {
  local pid=$1 i=0
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -ge 100 ]; then
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  wait "$pid" 2>/dev/null || true
}

# Chromium for the browser tests: Debian's /usr/bin/chromium (or $CHROMIUM_PATH). Installs it, with
# CJK fonts for the Chinese pages, when missing (CI machines run these as root).
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  if [ -x /usr/bin/chromium ]; then return 0; fi
  echo "==> installing Chromium (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk
}
