#!/usr/bin/env bash
# Builds the images, runs docker-compose.yml under its own project (gongzhi-check, fresh keys, fresh volume),
# checks it end to end through the balancer (http://127.0.0.1:8080), drives residents' submissions through
# the balancer while it crashes one gateway and then one silo, checks that every accepted submission
# became a case and was pushed, that the crashed containers came back by their restart policy and are
# healthy, prints the figures and tears down what it started. Not part of ./test.sh (a few minutes).
#
#   scripts/deploy-check.sh [--no-build] [--rate N] [--seconds N] [--gateway SERVICE] [--silo SERVICE]
#
# Defaults: 20 submissions/s for 60 s; gateway1 crashed at 10 s, silo1 at 35 s (or 5 s after gateway1 is
# healthy again). A crash is SIGKILL to the container's process from the host: `docker kill` would count
# as a deliberate stop, which Docker never restarts. Logs, the figures (figures.json) and the compose logs
# stay in .run/deploy-check/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib.sh
. scripts/deploy-check/compose.sh

BUILD=1 RATE=20 SECONDS_OF_LOAD=60 GATEWAY=gateway1 SILO=silo1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --rate) RATE=$2; shift ;;
    --seconds) SECONDS_OF_LOAD=$2; shift ;;
    --gateway) GATEWAY=$2; shift ;;
    --silo) SILO=$2; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

RUN=.run/deploy-check
rm -rf "$RUN" && mkdir -p "$RUN"
RESULT=FAIL
exec 3>&1 4>&2 # the terminal, for finish: a signal may arrive while a step's output goes to its log
finish() {
  local code=$?
  trap - EXIT INT TERM
  exec 1>&3 2>&4
  if [ -n "${STARTED:-}" ]; then
    check_compose logs --no-color --timestamps >"$RUN/compose.log" 2>&1 || true
    echo "==> tearing down (docker-compose -p $CHECK_PROJECT down -v)"
    check_compose down -v --remove-orphans >>"$RUN/down.log" 2>&1 || echo "teardown failed; see $RUN/down.log" >&2
  fi
  [ -n "${LOAD_PID:-}" ] && kill "$LOAD_PID" 2>/dev/null || true
  rm -f "$RUN/compose.env"
  [ "$RESULT" = PASS ] && [ "$code" = 0 ] || { RESULT=FAIL; [ "$code" = 0 ] && code=1; }
  echo "deploy-check: $RESULT (logs and figures in $RUN/)"
  exit "$code"
}
trap finish EXIT
trap 'exit 130' INT TERM

check_prerequisites

if [ "$BUILD" = 1 ]; then
  [ -x scripts/build-images.sh ] || { echo "scripts/build-images.sh is missing; build the images first and pass --no-build" >&2; exit 1; }
  echo "==> building the images (scripts/build-images.sh; log: $RUN/build.log)"
  t=$(now_ms)
  scripts/build-images.sh >"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log" >&2; exit 1; }
  BUILD_SECONDS=$(elapsed "$t")
fi
IMAGES=$(image_sizes)
echo "    images: $IMAGES"

echo "==> starting the cluster (project $CHECK_PROJECT, keys in $RUN/compose.env)"
write_compose_env "$RUN/compose.env" >/dev/null
STARTED=1
t=$(now_ms)
check_compose up -d >"$RUN/up.log" 2>&1 || { tail -20 "$RUN/up.log" >&2; exit 1; }
wait_http "http://127.0.0.1:8080/healthz" 180 || { echo "the balancer's /healthz did not answer 200 within 180 s" >&2; exit 1; }
STARTUP_SECONDS=$(elapsed "$t")
echo "    up and healthy through the balancer in ${STARTUP_SECONDS} s"

echo "==> end to end through the balancer"
E2E=$(node scripts/deploy-check/e2e.mjs http://127.0.0.1:8080) || { echo "$E2E"; exit 1; }
echo "    $E2E"

echo "==> load: $RATE submissions/s for $SECONDS_OF_LOAD s; crashing $GATEWAY at 10 s, then $SILO at 35 s (or 5 s after $GATEWAY is healthy)"
remember_containers
node scripts/deploy-check/load.mjs --rate "$RATE" --seconds "$SECONDS_OF_LOAD" --out "$RUN/load.json" >"$RUN/load.log" 2>&1 &
LOAD_PID=$!
LOAD_START=$(now_ms)
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg) # the machine's load as the check starts, for reading the figures
KILLS=()
sleep_until "$LOAD_START" 10
KILL=$(crash_and_watch "$GATEWAY" "$(ready_url "$GATEWAY")") || exit 1
KILLS+=("$KILL")
sleep 5
sleep_until "$LOAD_START" 35
KILL=$(crash_and_watch "$SILO" "$(ready_url "$SILO")") || exit 1
KILLS+=("$KILL")
echo "    waiting for the load step to settle (every accepted case created and pushed)"
LOAD_CODE=0
wait "$LOAD_PID" || LOAD_CODE=$?
LOAD_PID=
cat "$RUN/load.log"
[ "$LOAD_CODE" = 0 ] || exit 1

{
  printf '{"buildSeconds": %s, "startupSeconds": %s, "e2e": %s, "images": %s, "loadAverage": "%s", "cpus": %s,\n' \
    "${BUILD_SECONDS:-null}" "$STARTUP_SECONDS" "$(json_string "$E2E")" "$(json_string "$IMAGES")" "$LOADAVG" "$(nproc)"
  printf ' "kills": [%s],\n' "$(IFS=,; echo "${KILLS[*]}")"
  printf ' "finalHealth": {%s}}\n' "$(final_health)"
} >"$RUN/events.json"
node scripts/deploy-check/report.mjs "$RUN/load.json" "$RUN/events.json" "$RUN/figures.json" && RESULT=PASS
