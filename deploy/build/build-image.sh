#!/usr/bin/env bash
# Builds gongzhi/build:local from gongzhi/base:bookworm plus this machine's .NET SDK (the base path of
# `dotnet --info`) and Node (`command -v node`, with the npm beside it), trusting the extra certificate
# authorities the host trusts (/usr/local/share/ca-certificates: here a TLS-inspecting egress proxy). The context is hard links
# into a temporary folder (same file system) or copies, so nothing large is written twice.
# Usage: deploy/build/build-image.sh [tag] [base-image]
set -euo pipefail
TAG=${1:-gongzhi/build:local}
BASE=${2:-gongzhi/base:bookworm}
HERE=$(cd "$(dirname "$0")" && pwd)
DOTNET_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")")
NODE=$(readlink -f "$(command -v node)")
NPM=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
case "$("$NODE" --version)" in v20.*) ;; *) echo "need Node 20, found $("$NODE" --version)" >&2; exit 1 ;; esac

CTX=$(mktemp -d /tmp/gongzhi-build-ctx.XXXXXX)
trap 'rm -rf "$CTX"' EXIT
cp -al "$DOTNET_ROOT" "$CTX/dotnet" 2>/dev/null || cp -a "$DOTNET_ROOT" "$CTX/dotnet"
cp -al "$NPM" "$CTX/npm" 2>/dev/null || cp -a "$NPM" "$CTX/npm"
cp "$NODE" "$CTX/node"
mkdir "$CTX/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$CTX/ca-certificates/" 2>/dev/null || true
cp "$HERE/Dockerfile" "$CTX/Dockerfile"
echo "==> $TAG from $BASE + .NET SDK ($DOTNET_ROOT) + Node $("$NODE" --version)"
docker build --build-arg "BASE_IMAGE=$BASE" -t "$TAG" "$CTX" >"$CTX.log" 2>&1 || { tail -30 "$CTX.log"; exit 1; }
rm -f "$CTX.log"
