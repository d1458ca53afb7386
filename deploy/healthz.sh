#!/usr/bin/env bash
# The images' HEALTHCHECK. Each candidate is VARIABLE=DEFAULT: the first URL of that environment
# variable (an ASP.NET Core URL list such as Management__Urls) or the default. The first candidate
# whose port accepts a connection is asked GET <path>; healthy on HTTP 200, or on any status the
# pattern matches. Bash's /dev/tcp needs no curl or wget (the official runtime-deps image has neither)
# and costs no .NET start-up every interval.
# Usage: healthz.sh PATH STATUS_REGEX VARIABLE=DEFAULT [VARIABLE=DEFAULT ...]
set -uo pipefail
path=$1 want=$2
shift 2
for candidate in "$@"; do
  name=${candidate%%=*}
  urls=${!name:-${candidate#*=}}
  url=${urls%%[;,]*}                       # the first of a list
  hostport=${url#*://}
  hostport=${hostport%%/*}
  host=${hostport%:*}
  port=${hostport##*:}
  [ "$port" = "$hostport" ] && port=80
  case "$host" in ''|'*'|'+'|'0.0.0.0'|'[::]') host=127.0.0.1 ;; esac
  host=${host#[}; host=${host%]}
  { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null || continue
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&3
  read -r -t 5 _ status _ <&3 || exit 1
  [[ "$status" =~ ^($want)$ ]]
  exit
done
exit 1
