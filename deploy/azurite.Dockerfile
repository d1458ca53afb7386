# Azurite (the Azure Storage emulator) on the same base as the apps: Node copied from the Node image
# and Azurite installed from deploy/azurite's lock file, run as the non-root user app with its data in
# the volume /data. Context: the repository root. Here: NODE_IMAGE=gongzhi/build:local.
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /opt/azurite
COPY deploy/azurite/package.json deploy/azurite/package-lock.json ./
# Then drop what Node never loads: source maps, type declarations, readmes, and OpenTelemetry's ES-module
# builds (Azurite is CommonJS, whose require() resolves to build/src): 360 MB of packages become ~130 MB.
RUN npm ci --omit=dev --no-audit --no-fund \
 && find node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.md' \) -delete \
 && find node_modules/@opentelemetry -type d -path '*/build/esm*' -prune -exec rm -rf {} +

FROM ${BASE_IMAGE}
COPY --from=build /usr/local/bin/node /usr/local/bin/node
COPY --from=build /opt/azurite /opt/azurite
COPY deploy/healthz.sh /usr/local/bin/healthz
# A named volume takes the owner of the image's folder, so the user app can write to it.
RUN mkdir /data && chown 1654:1654 /data
USER 1654
VOLUME /data
# Any HTTP answer from the blob endpoint means Azurite serves (it has no health route).
HEALTHCHECK --interval=5s --timeout=5s --start-period=10s --retries=6 \
  CMD ["bash", "/usr/local/bin/healthz", "/", "[1-5][0-9][0-9]", "AZURITE_BLOB_URL=http://127.0.0.1:10000"]
ENTRYPOINT ["/usr/local/bin/node", "/opt/azurite/node_modules/azurite/dist/src/azurite.js", \
            "--disableTelemetry", "--skipApiVersionCheck", "--location", "/data"]
# Loopback by default (host networking); give --blobHost 0.0.0.0 … on a container network.
CMD ["--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1"]
