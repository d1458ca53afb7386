#!/usr/bin/env bash
# The images' HEALTHCHECK: GET <path> from the first URL in an environment variable (an ASP.NET Core
# URL list such as Management__Urls) or its default, and succeed on HTTP 200 (or, with a status
# pattern, on any status it matches). Bash's /dev/tcp needs no curl or wget, which the official
# runtime-deps image lacks, and costs no .NET start-up every interval.
# Usage: healthz.sh VARIABLE DEFAULT_URLS [PATH] [STATUS_REGEX]
set -uo pipefail
urls=${!1:-$2}
path=${3:-/healthz/live}
want=${4:-200}
url=${urls%%[;,]*}          # the first of a list
hostport=${url#*://}
hostport=${hostport%%/*}
host=${hostport%:*}
port=${hostport##*:}
[ "$port" = "$hostport" ] && port=80
case "$host" in ''|'*'|'+'|'0.0.0.0'|'[::]') host=127.0.0.1 ;; esac
host=${host#[}; host=${host%]}
exec 3<>"/dev/tcp/$host/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&3
read -r -t 5 _ status _ <&3 || exit 1
[[ "$status" =~ ^($want)$ ]]
