#!/usr/bin/env bash
# Builds gongzhi/base:bookworm, a stand-in for mcr.microsoft.com/dotnet/runtime-deps:10.0 on machines
# that can reach Debian's mirror but no image registry: a debootstrap'd bookworm (minbase) holding what
# runtime-deps holds (libc, libgcc, libstdc++, libssl3, libicu72, zlib, ca-certificates, tzdata) and
# the same non-root user `app` (uid/gid 1654) and environment, brought in with `docker import`.
# Needs root (debootstrap, chroot). Usage: deploy/base/build-base.sh [tag]   (MIRROR=… to pick a mirror)
set -euo pipefail
TAG=${1:-gongzhi/base:bookworm}
MIRROR=${MIRROR:-$(grep -hoE '^(URIs:|deb) *https?://[^ ]*/debian' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
  | grep -oE 'https?://[^ ]*' | head -1 || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
ROOT=$(mktemp -d /tmp/gongzhi-base.XXXXXX)
trap 'rm -rf "$ROOT"' EXIT

echo "==> debootstrap bookworm (minbase) from $MIRROR into $ROOT"
debootstrap --variant=minbase \
  --include=libc6,libgcc-s1,libstdc++6,libssl3,libicu72,zlib1g,ca-certificates,tzdata \
  bookworm "$ROOT" "$MIRROR" >"$ROOT.log" 2>&1 || { tail -30 "$ROOT.log"; exit 1; }
rm -f "$ROOT.log"

# The same user as the official images (APP_UID=1654), with a home for .NET's per-user files.
chroot "$ROOT" groupadd --gid 1654 app
chroot "$ROOT" useradd --no-log-init --uid 1654 --gid 1654 --create-home --shell /usr/sbin/nologin app

# Debian's own slimming (as in debian:bookworm-slim): no package lists, caches, docs, man pages or locales.
cat >"$ROOT/etc/apt/sources.list" <<SOURCES
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/apt/* "$ROOT"/var/cache/debconf/*-old \
  "$ROOT"/var/log/*.log "$ROOT"/var/log/apt/* "$ROOT"/tmp/* \
  "$ROOT"/usr/share/man/* "$ROOT"/usr/share/info/* "$ROOT"/usr/share/locale/* \
  "$ROOT"/usr/share/lintian/* "$ROOT"/usr/share/common-licenses
# Keep the copyright files (licences travel with the binaries), drop the rest of /usr/share/doc.
find "$ROOT/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
find "$ROOT/usr/share/doc" -mindepth 1 -type d -empty -delete
: >"$ROOT/etc/machine-id"

echo "==> docker import $TAG"
tar -C "$ROOT" --numeric-owner -c . | docker import \
  --change 'ENV APP_UID=1654 ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["bash"]' \
  --message "debootstrap bookworm minbase + .NET runtime-deps packages" \
  - "$TAG" >/dev/null
docker image ls "$TAG" --format '{{.Repository}}:{{.Tag}} {{.Size}}'
