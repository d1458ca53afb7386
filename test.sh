#!/usr/bin/env bash
# Runs every test: unit (Domain), grain (Silo, in-process cluster), gateway (WebApplicationFactory),
# end to end (real silo and gateway processes, and the article's stories), the dashboard's logic (Vitest),
# the pages in Chromium (tests/Browser: the whole system on free ports, screenshots to docs/screenshots),
# the simulator's pieces and a smoke run of it (tests/Simulation.Tests: one simulated day of Ximen per dispatch policy),
# a smoke run of the load bench (bench/Gongzhi.Bench --scenario smoke), and the OpenAPI document the build writes,
# linted with Redocly's recommended rules (npm run lint:openapi).
# Fixtures start their own Azurite on free ports of 127.0.0.1 and stop it. Ends with a line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

ensure_npm || exit 1
echo "==> building"
dotnet build Gongzhi.slnx -c Debug -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
npm run --silent build:dashboard >/dev/null || { echo "dashboard build failed"; echo "0 passed, 1 failed"; exit 1; }
# The cadre's phone page must stay under 150 KB of gzipped JavaScript.
npm run --silent check:bundle | tail -1 || { echo "the cadre page's JavaScript is over budget"; echo "0 passed, 1 failed"; exit 1; }

RESULTS=$(mktemp -d)
passed=0
failed=0
status=0

echo "==> OpenAPI contract (the document the build wrote, linted with Redocly's recommended rules)"
log="$RESULTS/openapi.log"
if npm run --silent lint:openapi >"$log" 2>&1; then
  echo "OpenAPI lint: 1 passed, 0 failed"
  passed=$((passed + 1))
else
  grep -vE '║|╔|╚' "$log" | tail -40
  echo "OpenAPI lint: 0 passed, 1 failed"
  failed=$((failed + 1))
  status=1
fi

for project in tests/Domain.Tests tests/Silo.Tests tests/Gateway.Tests tests/Balancer.Tests tests/Simulation.Tests tests/EndToEnd.Tests; do
  name=$(basename "$project")
  echo "==> $name"
  log="$RESULTS/$name.log"
  dotnet test "$project" --no-build -c Debug --nologo --logger "console;verbosity=normal" >"$log" 2>&1
  rc=$?
  # The failing tests, each with its message and the top of its stack.
  grep -A12 -E '^\s+Failed [A-Za-z][A-Za-z0-9_.]+( \[|\()' "$log" | head -120
  total=$(grep -E '^Total tests: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  if [ -z "$total" ]; then
    echo "no test summary from $name (exit code $rc):"
    tail -40 "$log"
    failed=$((failed + 1))
    status=1
    continue
  fi
  p=$(grep -E '^\s+Passed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  f=$(grep -E '^\s+Failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  p=${p:-0}
  f=${f:-0}
  echo "$name: $p passed, $f failed (of $total)"
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$rc" -ne 0 ]; then status=1; fi
done

echo "==> Dashboard (Vitest)"
log="$RESULTS/dashboard.log"
NO_COLOR=1 FORCE_COLOR=0 npm run --silent test:dashboard >"$log" 2>&1
rc=$?
# Colour codes, when a terminal asks for them anyway, would hide the summary from grep.
line=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s+Tests\s' | tail -1)
if [ -z "$line" ]; then
  echo "no test summary from Vitest (exit code $rc):"
  tail -40 "$log"
  failed=$((failed + 1))
  status=1
else
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
  f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
  p=${p:-0}
  f=${f:-0}
  [ "$f" -gt 0 ] && grep -E 'FAIL|AssertionError|Expected|Received' "$log" | head -40
  echo "Dashboard: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$rc" -ne 0 ]; then status=1; fi
fi

echo "==> Browser (Chromium)"
log="$RESULTS/browser.log"
if ! ensure_chromium >"$RESULTS/chromium.log" 2>&1; then
  echo "Chromium is missing and could not be installed:"
  tail -20 "$RESULTS/chromium.log"
  failed=$((failed + 1))
  status=1
else
  node --test --test-reporter=tap tests/Browser/ >"$log" 2>&1
  rc=$?
  p=$(grep -E '^# pass [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  f=$(grep -E '^# fail [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  c=$(grep -E '^# cancelled [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  if [ -z "$p" ] || [ -z "$f" ]; then
    echo "no test summary from the browser tests (exit code $rc):"
    tail -40 "$log"
    failed=$((failed + 1))
    status=1
  else
    f=$((f + ${c:-0}))
    # The failing tests with their messages.
    [ "$f" -gt 0 ] && grep -E -A25 '^\s*not ok ' "$log" | head -120
    echo "Browser: $p passed, $f failed"
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$rc" -ne 0 ]; then status=1; fi
  fi
fi

echo "==> Bench smoke (the load bench at 20/s for 20 s: it must run and lose no case)"
log="$RESULTS/bench.log"
# The Debug build made above: the smoke run proves the bench runs and loses nothing; its figures are not kept.
if dotnet run -c Debug --project bench/Gongzhi.Bench -- --scenario smoke --configuration Debug --no-build --no-baselines --no-chart --out "$RESULTS/bench" >"$log" 2>&1; then
  grep -E "accepted but never pushed" "$log" | tail -1
  echo "Bench smoke: 1 passed, 0 failed"
  passed=$((passed + 1))
else
  tail -40 "$log"
  echo "Bench smoke: 0 passed, 1 failed"
  failed=$((failed + 1))
  status=1
fi

rm -rf "$RESULTS"
echo "${passed} passed, ${failed} failed"
if [ "$failed" -gt 0 ]; then status=1; fi
exit $status
