#!/usr/bin/env bash
# A real cluster on this machine: one Azurite, N silos and M gateways as local processes on 127.0.0.1,
# started the way run.sh starts one of each. Ctrl-C stops everything it started, by PID.
#
#   scripts/cluster.sh [--silos N] [--gateways M] [--config Debug|Release] [--data DIR] [--no-build]
#                      [--pids-file FILE] [--detach]
#   scripts/cluster.sh --stop --pids-file FILE
#
# Silo i (1..N) listens on SiloPort 11110+i and GatewayPort 29999+i (the first one on run.sh's
# 11111/30000) and only the first loads seeds/; gateway j (1..M) serves http://127.0.0.1:(5079+j).
# Like run.sh it runs the Production environment with the demo world's staff signing in with the demo
# password, and every process gets the keys of .run/keys.env (generated once, mode 600): the same
# Gateway__TrackingKey and Auth__SigningKey on every gateway (a tracking link or a staff token issued
# by one gateway must work on every other), unless the environment sets them.
# Env SILOS and GATEWAYS set the defaults of --silos and --gateways.
#
# Non-interactive use (a chaos run, a script): --pids-file FILE writes one "name pid" line per
# process (azurite, silo-1, …, gateway-1, …) as it starts; --detach returns once everything is
# healthy and leaves it running, to be stopped with --stop --pids-file FILE. Sourced
# (`. scripts/cluster.sh`), it only defines the cluster_* functions below.

cluster_defaults() {
  CLUSTER_SILOS=${SILOS:-2}
  CLUSTER_GATEWAYS=${GATEWAYS:-2}
  CLUSTER_CONFIG=Debug
  CLUSTER_DATA=.azurite
  CLUSTER_RUN_DIR=.run
  CLUSTER_BUILD=1
  CLUSTER_PIDS_FILE=
  CLUSTER_PIDS=()
  CLUSTER_NAMES=()
}

cluster_silo_port() { echo $((11110 + $1)); }
cluster_silo_gateway_port() { echo $((29999 + $1)); }
cluster_gateway_url() { echo "http://127.0.0.1:$((5079 + $1))"; }
# Management ports (health, metrics; the silo's also the Orleans Dashboard): silo i on 9190+i, gateway j on 9180+j.
cluster_silo_management_port() { echo $((9190 + $1)); }
cluster_gateway_management_port() { echo $((9180 + $1)); }

# Records a started process: in CLUSTER_PIDS/CLUSTER_NAMES and, when set, in the pids file.
cluster_track() {
  CLUSTER_NAMES+=("$1")
  CLUSTER_PIDS+=("$2")
  if [ -n "$CLUSTER_PIDS_FILE" ]; then echo "$1 $2" >>"$CLUSTER_PIDS_FILE"; fi
}

cluster_check_ports() {
  local i ports=(10000 10001 10002)
  for ((i = 1; i <= CLUSTER_SILOS; i++)); do ports+=("$(cluster_silo_port "$i")" "$(cluster_silo_gateway_port "$i")" "$(cluster_silo_management_port "$i")"); done
  for ((i = 1; i <= CLUSTER_GATEWAYS; i++)); do ports+=($((5079 + i)) "$(cluster_gateway_management_port "$i")"); done
  for port in "${ports[@]}"; do require_free_port "$port" || return 1; done
}

cluster_build() {
  ensure_npm
  echo "==> building ($CLUSTER_CONFIG: dotnet, dashboard)"
  dotnet build Gongzhi.slnx -c "$CLUSTER_CONFIG" -nologo -v quiet -clp:ErrorsOnly
  npm run --silent build:dashboard >/dev/null
}

# The environment every silo and gateway shares: storage, Production, the one set of gateway keys.
cluster_environment() {
  local signing=${Auth__SigningKey:-} tracking=${Gateway__TrackingKey:-}
  ensure_keys "$CLUSTER_RUN_DIR/keys.env"
  export Auth__SigningKey="${signing:-$Auth__SigningKey}" Gateway__TrackingKey="${tracking:-$Gateway__TrackingKey}"
  export ConnectionStrings__Storage="$(storage_connection 10000 10001 10002)"
  export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
  export Seeds__DemoPassword="$DEMO_PASSWORD"
}

cluster_start_azurite() {
  echo "==> Azurite (data in $CLUSTER_DATA/, log: $CLUSTER_RUN_DIR/azurite.log)"
  start_azurite "$CLUSTER_DATA" 10000 10001 10002 "$CLUSTER_RUN_DIR/azurite.log" || return 1
  cluster_track azurite "$AZURITE_PID"
}

# cluster_start_silo I: silo I (1-based); only silo 1 loads the seeds.
cluster_start_silo() {
  local i=$1 seeds=() log="$CLUSTER_RUN_DIR/silo-$1.log"
  if [ "$i" = 1 ]; then seeds=(Seeds__Path="$PWD/seeds"); fi
  echo "==> silo $i: SiloPort $(cluster_silo_port "$i"), GatewayPort $(cluster_silo_gateway_port "$i")${seeds:+, seeds} (log: $log)"
  (cd src/Silo && exec env "${seeds[@]}" Orleans__SiloPort="$(cluster_silo_port "$i")" Orleans__GatewayPort="$(cluster_silo_gateway_port "$i")" \
    Management__Urls="http://127.0.0.1:$(cluster_silo_management_port "$i")" \
    dotnet "bin/$CLUSTER_CONFIG/net10.0/Gongzhi.Silo.dll") >>"$log" 2>&1 &
  cluster_track "silo-$i" "$!"
}

# cluster_start_gateway J: gateway J (1-based).
cluster_start_gateway() {
  local j=$1 url log="$CLUSTER_RUN_DIR/gateway-$1.log"
  url=$(cluster_gateway_url "$j")
  echo "==> gateway $j: $url (log: $log)"
  (cd src/Gateway && ASPNETCORE_URLS="$url" Management__Urls="http://127.0.0.1:$(cluster_gateway_management_port "$j")" exec dotnet "bin/$CLUSTER_CONFIG/net10.0/Gongzhi.Gateway.dll") >>"$log" 2>&1 &
  cluster_track "gateway-$j" "$!"
}

# Waits until every gateway's /healthz answers 200 (at most $1 seconds, default 180).
cluster_wait_healthy() {
  local limit=${1:-180} j url
  for ((j = 1; j <= CLUSTER_GATEWAYS; j++)); do
    url=$(cluster_gateway_url "$j")
    printf "==> waiting for %s/healthz " "$url"
    local t=0
    until curl -fsS "$url/healthz" >/dev/null 2>&1; do
      t=$((t + 1))
      if [ "$t" -ge "$limit" ]; then echo; echo "$url did not become healthy; see $CLUSTER_RUN_DIR/*.log" >&2; return 1; fi
      printf "."
      sleep 1
    done
    echo " ready"
  done
}

cluster_start() {
  mkdir -p "$CLUSTER_RUN_DIR"
  if [ -n "$CLUSTER_PIDS_FILE" ]; then : >"$CLUSTER_PIDS_FILE"; fi
  cluster_check_ports || return 1
  if [ "$CLUSTER_BUILD" = 1 ]; then cluster_build || return 1; else ensure_npm; fi
  cluster_environment
  cluster_start_azurite || return 1
  local i
  for ((i = 1; i <= CLUSTER_SILOS; i++)); do cluster_start_silo "$i"; done
  # Gateways find the silos through the clustering table; start them once the first silo takes clients.
  wait_port "$(cluster_silo_gateway_port 1)" 120 || { echo "silo 1 did not open its gateway port; see $CLUSTER_RUN_DIR/silo-1.log" >&2; return 1; }
  for ((i = 1; i <= CLUSTER_GATEWAYS; i++)); do cluster_start_gateway "$i"; done
  cluster_wait_healthy
}

# Stops what this shell started, newest first (TERM, grace, then KILL: stop_pid).
cluster_stop() {
  local i
  for ((i = ${#CLUSTER_PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${CLUSTER_PIDS[$i]}"; done
  CLUSTER_PIDS=()
  CLUSTER_NAMES=()
}

# Stops the processes listed in a pids file (written by --pids-file), newest first.
cluster_stop_pids_file() {
  local lines=() i pid
  mapfile -t lines <"$1"
  for ((i = ${#lines[@]} - 1; i >= 0; i--)); do
    pid=${lines[$i]##* }
    # stop_pid waits for its own children only; these may belong to another shell, so poll.
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

cluster_print_info() {
  local i j url
  echo
  echo "Gongzhi cluster is running (Production): $CLUSTER_SILOS silos, $CLUSTER_GATEWAYS gateways, one Azurite."
  echo "  Azurite:  blob 127.0.0.1:10000, queue :10001, table :10002 (data in $CLUSTER_DATA/)"
  for ((i = 1; i <= CLUSTER_SILOS; i++)); do
    echo "  silo $i:   SiloPort $(cluster_silo_port "$i"), GatewayPort $(cluster_silo_gateway_port "$i")$([ "$i" = 1 ] && echo ', loads seeds/')"
  done
  for ((j = 1; j <= CLUSTER_GATEWAYS; j++)); do
    url=$(cluster_gateway_url "$j")
    echo "  gateway $j: $url/  (submit: $url/submit, health: $url/healthz, contract: $url/openapi/v1.json)"
  done
  url=$(cluster_gateway_url 1)
  print_sign_in "$url"
  echo "  (staff sessions and tracking links work on every gateway: swap the port)"
  echo "Keys in $CLUSTER_RUN_DIR/keys.env, logs in $CLUSTER_RUN_DIR/ (silo-N.log, gateway-N.log, azurite.log)."
}

cluster_main() {
  set -euo pipefail
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  . scripts/lib.sh
  cluster_defaults
  local detach=0 stop=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) CLUSTER_SILOS=$2; shift ;;
      --gateways) CLUSTER_GATEWAYS=$2; shift ;;
      --config|-c) CLUSTER_CONFIG=$2; shift ;;
      --data) CLUSTER_DATA=$2; shift ;;
      --pids-file) CLUSTER_PIDS_FILE=$2; shift ;;
      --no-build) CLUSTER_BUILD=0 ;;
      --detach) detach=1 ;;
      --stop) stop=1 ;;
      -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; return 0 ;;
      *) echo "unknown option $1 (see --help)" >&2; return 1 ;;
    esac
    shift
  done
  if [ "$stop" = 1 ]; then
    [ -n "$CLUSTER_PIDS_FILE" ] || { echo "--stop needs --pids-file" >&2; return 1; }
    cluster_stop_pids_file "$CLUSTER_PIDS_FILE"
    return 0
  fi
  if [ "$detach" = 1 ] && [ -z "$CLUSTER_PIDS_FILE" ]; then
    echo "--detach needs --pids-file (to stop the cluster later)" >&2
    return 1
  fi

  if [ "$detach" = 0 ]; then
    trap 'trap - INT TERM EXIT; echo; echo "==> stopping"; cluster_stop' INT TERM EXIT
  fi
  if ! cluster_start; then
    [ "$detach" = 1 ] && cluster_stop
    return 1
  fi
  cluster_print_info
  if [ "$detach" = 1 ]; then
    echo "Detached. Stop it with: scripts/cluster.sh --stop --pids-file $CLUSTER_PIDS_FILE"
    return 0
  fi
  echo "Press Ctrl-C to stop."
  wait -n "${CLUSTER_PIDS[@]}" || true
  echo "A process stopped unexpectedly; see $CLUSTER_RUN_DIR/*.log" >&2
  return 1
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  cluster_main "$@"
fi
