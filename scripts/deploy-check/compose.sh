# deploy-check.sh's helpers around docker-compose and Docker. Sourced, not run. Uses $RUN (the run's folder).

CHECK_PROJECT=gongzhi-check
CHECK_SERVICES=(azurite silo1 silo2 gateway1 gateway2 balancer)
# Every port docker-compose.yml binds on 127.0.0.1 (docs/deploy.md, "Compose").
CHECK_PORTS=(8080 5080 5081 9181 9182 9191 9192 10000 10001 10002 11111 11112 30000 30001)

# docker-compose for this check's project: its own keys (--env-file instead of the repository's .env), and
# no rate limits (all load comes from one address).
check_compose() {
  GONGZHI_RATE_LIMITS=false docker-compose -p "$CHECK_PROJECT" -f docker-compose.yml --env-file "$PWD/$RUN/compose.env" "$@"
}

now_ms() { date +%s%3N; }
# Seconds since a now_ms value, one decimal.
elapsed() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
# Sleeps until $2 seconds after the now_ms value $1.
sleep_until() {
  local left=$(($1 + $2 * 1000 - $(now_ms)))
  [ "$left" -gt 0 ] && sleep "$(awk -v ms="$left" 'BEGIN { printf "%.3f", ms / 1000 }')" || true
}
json_string() { node -e 'process.stdout.write(JSON.stringify(process.argv[1]))' "$1"; }

check_prerequisites() {
  local tool port
  for tool in docker docker-compose node curl; do
    command -v "$tool" >/dev/null || { echo "deploy-check needs $tool" >&2; return 1; }
  done
  docker info >/dev/null 2>&1 || { echo "the Docker engine does not answer (docker info)" >&2; return 1; }
  ensure_npm
  # A run stopped before its teardown leaves this project's containers: they are ours to remove.
  if [ -n "$(docker ps -aq --filter "label=com.docker.compose.project=$CHECK_PROJECT")" ]; then
    echo "==> removing what an earlier run of $CHECK_PROJECT left"
    write_compose_env "$RUN/compose.env" >/dev/null
    check_compose down -v --remove-orphans >"$RUN/down-before.log" 2>&1
  fi
  for port in "${CHECK_PORTS[@]}"; do require_free_port "$port" || return 1; done
}

# "gongzhi/silo:local 123MB, …" for the images the compose file uses.
image_sizes() {
  local image sizes=()
  for image in gongzhi/azurite:local gongzhi/silo:local gongzhi/gateway:local gongzhi/balancer:local; do
    docker image inspect "$image" >/dev/null 2>&1 || { echo "image $image is missing (build it: scripts/build-images.sh)" >&2; return 1; }
    sizes+=("$image $(docker image ls "$image" --format '{{.Size}}')")
  done
  (IFS=,; echo "${sizes[*]}" | sed 's/,/, /g')
}

# Waits until a URL answers 200, for at most $2 seconds.
wait_http() {
  local deadline=$(($(now_ms) + $2 * 1000))
  until curl -fsS -m 2 -o /dev/null "$1" 2>/dev/null; do
    [ "$(now_ms)" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

ready_url() {
  case "$1" in
    gateway*) echo "http://127.0.0.1:$((5079 + ${1#gateway}))/healthz/ready" ;;
    silo*) echo "http://127.0.0.1:$((9190 + ${1#silo}))/healthz/ready" ;;
    *) echo "no ready URL for $1" >&2; return 1 ;;
  esac
}

# Each service's container id, looked up once (docker-compose ps takes seconds): remember_containers, then container_of.
declare -A CHECK_CONTAINERS=()
remember_containers() {
  local service
  for service in "${CHECK_SERVICES[@]}"; do CHECK_CONTAINERS[$service]=$(check_compose ps -q "$service"); done
}
container_of() { echo "${CHECK_CONTAINERS[$1]}"; }
docker_health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$1" 2>/dev/null || echo gone; }

# crash_and_watch SERVICE READY_URL: SIGKILLs the service's process (a crash, which the restart policy
# answers), then watches it come back: running again, ready on READY_URL, healthy to Docker (at most
# 180 s). Prints one JSON object with the epoch milliseconds of each; progress goes to stderr.
crash_and_watch() {
  local service=$1 url=$2 id pid restarts killed running=null ready=null healthy=null state count health
  id=$(container_of "$service")
  pid=$(docker inspect -f '{{.State.Pid}}' "$id") || { echo "no container for $service ($id)" >&2; return 1; }
  # Docker reports 0 for a container that is not running, and `kill -KILL 0` would kill this script's own
  # process group: only a positive number is a process to crash.
  if ! [[ $pid =~ ^[1-9][0-9]*$ ]]; then
    echo "$service is not running (docker reports pid '$pid', state $(docker inspect -f '{{.State.Status}}' "$id" 2>/dev/null || echo gone)); nothing to crash" >&2
    return 1
  fi
  restarts=$(docker inspect -f '{{.RestartCount}}' "$id")
  killed=$(now_ms)
  kill -KILL "$pid"
  echo "    crashed $service (pid $pid) at +$(elapsed "$LOAD_START") s" >&2
  local deadline=$((killed + 180000))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    IFS='|' read -r state count health < <(docker inspect -f '{{.State.Status}}|{{.RestartCount}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id")
    if [ "$running" = null ] && [ "$state" = running ] && [ "$count" -gt "$restarts" ]; then running=$(now_ms); fi
    if [ "$running" != null ] && [ "$ready" = null ] && curl -fsS -m 1 -o /dev/null "$url" 2>/dev/null; then ready=$(now_ms); fi
    if [ "$ready" != null ] && [ "$health" = healthy ]; then healthy=$(now_ms); break; fi
    sleep 0.25
  done
  echo "    $service: running again after $(ms_or_dash "$running" "$killed"), ready after $(ms_or_dash "$ready" "$killed"), healthy after $(ms_or_dash "$healthy" "$killed")" >&2
  printf '{"service": "%s", "killedAt": %s, "runningAt": %s, "readyAt": %s, "healthyAt": %s, "restarts": %s, "health": "%s"}' \
    "$service" "$killed" "$running" "$ready" "$healthy" "$(docker inspect -f '{{.RestartCount}}' "$id")" "$(docker_health "$id")"
}

ms_or_dash() { [ "$1" = null ] && echo "-" || awk -v a="$2" -v b="$1" 'BEGIN { printf "%.1f s", (b - a) / 1000 }'; }

# "service": "health" for every service of the project, as JSON members.
final_health() {
  local service members=()
  for service in "${CHECK_SERVICES[@]}"; do members+=("\"$service\": \"$(docker_health "$(container_of "$service")")\""); done
  (IFS=,; echo "${members[*]}")
}
