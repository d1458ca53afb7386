#!/usr/bin/env bash
# Builds the container images on this machine, where no registry can be reached: the base
# (gongzhi/base:bookworm, debootstrap + docker import) and the build image (gongzhi/build:local,
# the base + this machine's .NET SDK and Node) when missing, then the silo, gateway, balancer and
# Azurite images from deploy/*.Dockerfile with those as build arguments. Prints each image's size.
# With a normal network, build the Dockerfiles directly: they default to the official images.
# Usage: scripts/build-images.sh [--rebuild-base] [image ...]   (images: silo gateway balancer azurite)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=gongzhi/base:bookworm
BUILD=gongzhi/build:local
rebuild=false
if [ "${1:-}" = "--rebuild-base" ]; then rebuild=true; shift; fi
images=("$@")
[ ${#images[@]} -gt 0 ] || images=(silo gateway balancer azurite)

has_image() { docker image inspect "$1" >/dev/null 2>&1; }
if $rebuild || ! has_image "$BASE"; then deploy/base/build-base.sh "$BASE"; fi
if $rebuild || ! has_image "$BUILD"; then deploy/build/build-image.sh "$BUILD" "$BASE"; fi

for image in "${images[@]}"; do
  echo "==> gongzhi/$image:local"
  started=$(date +%s)
  # Host networking lets the build stages reach NuGet and npm the way this machine does.
  docker build --network host -f "deploy/$image.Dockerfile" -t "gongzhi/$image:local" \
    --build-arg "BASE_IMAGE=$BASE" --build-arg "BUILD_IMAGE=$BUILD" --build-arg "NODE_IMAGE=$BUILD" \
    . >"/tmp/gongzhi-image-$image.log" 2>&1 \
    || { tail -40 "/tmp/gongzhi-image-$image.log"; echo "building gongzhi/$image:local failed" >&2; exit 1; }
  echo "    built in $(( $(date +%s) - started )) s"
done

echo "==> sizes"
docker image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep -E '^gongzhi/' | sort
