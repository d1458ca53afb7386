#!/usr/bin/env bash
# Starts the whole system locally in the Production environment: Azurite, one silo, one gateway on
# http://127.0.0.1:5080, the dashboard and the demo world from seeds/, whose staff sign in with the demo
# password. Keys are generated once into .run/keys.env (mode 600) and reused. Ctrl-C stops everything it
# started; data stays in .azurite/, so the next run finds every case where it was.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

GATEWAY_URL=http://127.0.0.1:5080
RUN_DIR=.run
mkdir -p "$RUN_DIR"

for port in 5080 9181 9191 10000 10001 10002 11111 30000; do require_free_port "$port"; done

ensure_npm
echo "==> building (dotnet, dashboard)"
dotnet build Gongzhi.slnx -c Debug -nologo -v quiet -clp:ErrorsOnly
npm run --silent build:dashboard >/dev/null

PIDS=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "==> stopping"
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[$i]}"; done
}
trap cleanup INT TERM EXIT

ensure_keys "$RUN_DIR/keys.env"

echo "==> Azurite (data in .azurite/, account $STORAGE_ACCOUNT with the generated key)"
start_azurite .azurite 10000 10001 10002 "$RUN_DIR/azurite.log"
PIDS+=("$AZURITE_PID")

export ConnectionStrings__Storage="$(storage_connection 10000 10001 10002)"
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
export Seeds__DemoPassword="$DEMO_PASSWORD"

echo "==> silo (log: $RUN_DIR/silo.log)"
(cd src/Silo && Seeds__Path="$PWD/../../seeds" exec dotnet bin/Debug/net10.0/Gongzhi.Silo.dll) >"$RUN_DIR/silo.log" 2>&1 &
PIDS+=("$!")

echo "==> gateway (log: $RUN_DIR/gateway.log)"
(cd src/Gateway && ASPNETCORE_URLS="$GATEWAY_URL" exec dotnet bin/Debug/net10.0/Gongzhi.Gateway.dll) >"$RUN_DIR/gateway.log" 2>&1 &
PIDS+=("$!")

printf "==> waiting for %s/healthz " "$GATEWAY_URL"
for _ in $(seq 1 180); do
  if curl -fsS "$GATEWAY_URL/healthz" >/dev/null 2>&1; then break; fi
  printf "."
  sleep 1
done
curl -fsS "$GATEWAY_URL/healthz" >/dev/null || { echo; echo "The gateway did not become healthy; see $RUN_DIR/*.log" >&2; exit 1; }
# The silo opens its management port once its start-up work (the seeds, the staff accounts) is done: sign-in works from then.
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:9191/healthz/ready" >/dev/null 2>&1; then break; fi
  printf "."
  sleep 1
done
curl -fsS "http://127.0.0.1:9191/healthz/ready" >/dev/null || { echo; echo "The silo did not become ready; see $RUN_DIR/silo.log" >&2; exit 1; }
echo " ready"

cat <<INFO

Gongzhi is running (Production).
  Home:                 $GATEWAY_URL/
  Submit a request:     $GATEWAY_URL/submit
$(print_sign_in "$GATEWAY_URL")
  API contract:         $GATEWAY_URL/openapi/v1.json   (docs/api.md)
  Health:               $GATEWAY_URL/healthz   (silo: http://127.0.0.1:9191/healthz/ready)
  Metrics (Prometheus): http://127.0.0.1:9181/metrics (gateway), http://127.0.0.1:9191/metrics (silo)
  Orleans Dashboard:    the admin page's "Orleans Dashboard" button ($GATEWAY_URL/ops/orleans/, admin only)
Keys in $RUN_DIR/keys.env, logs in $RUN_DIR/. Press Ctrl-C to stop.
INFO

wait -n "${PIDS[@]}" || true
echo "A process stopped unexpectedly; see $RUN_DIR/*.log" >&2
exit 1
