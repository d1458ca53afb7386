#!/usr/bin/env bash
# The chaos run (issue 10): Azurite, 2 silos and 2 gateways as processes (Release) on free ports; submissions and
# staff actions under load while processes are SIGKILLed and restarted on a schedule; then every 202 and every 2xx
# staff action is audited. Writes docs/reliability/chaos-<timestamp>.md; exits 3 when anything was lost or doubled.
#
#   scripts/chaos.sh                                  # 10 minutes, 20 submissions/s, a kill every 45 s
#   scripts/chaos.sh --duration 120 --kill-every 20   # the short check (~2.5 minutes with start and audit)
#
# Other flags (--rate, --staff-rate, --down, --recovery, --targets, --no-build): see docs/reliability.md or
# `scripts/chaos.sh --help`. Not part of ./test.sh: it takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_npm
exec dotnet run -c Release --project bench/Gongzhi.Bench -- --scenario chaos "$@"
