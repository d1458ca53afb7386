#!/usr/bin/env bash
# Starts the images once, as a cluster of one of each, with host networking on free loopback ports:
# Azurite, a silo (loading the seeds), a gateway and the balancer in front of it. Waits until Docker
# calls each container healthy (its HEALTHCHECK), then checks the silo's and the gateway's
# /healthz/ready and a page and /healthz/ready through the balancer. Removes its containers (and
# Azurite's anonymous volume) at the end, whatever happened. Prints the start-up times.
# Usage: scripts/check-images.sh   (after scripts/build-images.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
RUN=gongzhi-check-images-$$
containers=()
cleanup() {
  for c in "${containers[@]}"; do docker rm -f -v "$c" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

# A port nothing listens on, below the ephemeral range and away from the ports compose and the scripts use.
used_ports=" "
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 10000))
    [[ "$used_ports" == *" $port "* ]] && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    used_ports+="$port "
    echo "$port"
    return
  done
}

# http_status URL: the status code of a GET (bash's /dev/tcp, as the images' own probe).
http_status() {
  local hostport=${1#http://} path
  path=/${hostport#*/}
  hostport=${hostport%%/*}
  { exec 4<>"/dev/tcp/${hostport%:*}/${hostport#*:}"; } 2>/dev/null || { echo 000; return; }
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&4
  local _ status
  read -r -t 10 _ status _ <&4 || status=000
  exec 4>&-
  echo "$status"
}

start() {
  local name=$RUN-$1
  shift
  docker run -d --name "$name" --network host "$@" >/dev/null
  containers+=("$name")
}

wait_healthy() {
  local name=$RUN-$1 limit=$2 started=$SECONDS status
  while true; do
    status=$(docker inspect -f '{{.State.Health.Status}}' "$name" 2>/dev/null || echo gone)
    [ "$status" = healthy ] && { echo "    $1 healthy after $((SECONDS - started)) s"; return 0; }
    if [ "$status" = unhealthy ] || [ "$status" = gone ] || [ $((SECONDS - started)) -ge "$limit" ]; then
      echo "    $1 is $status after $((SECONDS - started)) s; its log:" >&2
      docker logs --tail 40 "$name" >&2 || true
      return 1
    fi
    sleep 1
  done
}

expect() {
  local what=$1 url=$2 status
  status=$(http_status "$url")
  if [ "$status" = 200 ]; then echo "    $what: 200"; else echo "    $what: $status (expected 200)" >&2; exit 1; fi
}

blob=$(free_port) queue=$(free_port) table=$(free_port)
silo_port=$(free_port) silo_gateway=$(free_port) silo_management=$(free_port)
gateway=$(free_port) gateway_management=$(free_port) balancer=$(free_port)
key=$(random_key 64)
storage="DefaultEndpointsProtocol=http;AccountName=$STORAGE_ACCOUNT;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/$STORAGE_ACCOUNT;QueueEndpoint=http://127.0.0.1:$queue/$STORAGE_ACCOUNT;TableEndpoint=http://127.0.0.1:$table/$STORAGE_ACCOUNT;"
common=(-e ConnectionStrings__Storage="$storage" -e Orleans__ClusterId="$RUN")

echo "==> azurite (blob $blob)"
start azurite -e AZURITE_ACCOUNTS="$STORAGE_ACCOUNT:$key" -e AZURITE_BLOB_URL="http://127.0.0.1:$blob" gongzhi/azurite:local \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table"
wait_healthy azurite 60

echo "==> silo (management $silo_management)"
start silo "${common[@]}" -e Orleans__SiloPort="$silo_port" -e Orleans__GatewayPort="$silo_gateway" \
  -e Management__Urls="http://127.0.0.1:$silo_management" -e Seeds__Path=/app/seeds -e Seeds__DemoPassword="$DEMO_PASSWORD" \
  gongzhi/silo:local
wait_healthy silo 120
expect "silo /healthz/ready" "http://127.0.0.1:$silo_management/healthz/ready"

echo "==> gateway ($gateway, management $gateway_management)"
start gateway "${common[@]}" -e ASPNETCORE_URLS="http://127.0.0.1:$gateway" -e Management__Urls="http://127.0.0.1:$gateway_management" \
  -e Auth__SigningKey="$(random_key 48)" -e Gateway__TrackingKey="$(random_key 48)" gongzhi/gateway:local
wait_healthy gateway 120
expect "gateway /healthz/ready" "http://127.0.0.1:$gateway/healthz/ready"
expect "gateway /submit (the dashboard)" "http://127.0.0.1:$gateway/submit"

echo "==> balancer ($balancer)"
start balancer -e Balancer__Urls="http://127.0.0.1:$balancer" -e Balancer__Gateways__0="http://127.0.0.1:$gateway" gongzhi/balancer:local
wait_healthy balancer 60
expect "balancer /healthz/ready" "http://127.0.0.1:$balancer/healthz/ready"
# The balancer answers /healthz/* itself; the gateway's overall /healthz passes through.
expect "gateway /healthz through the balancer" "http://127.0.0.1:$balancer/healthz"
expect "/submit through the balancer" "http://127.0.0.1:$balancer/submit"

echo "==> users"
for c in silo gateway balancer azurite; do
  echo "    $c runs as $(docker exec "$RUN-$c" id -un) (uid $(docker exec "$RUN-$c" id -u))"
done
echo "all images start and answer"
