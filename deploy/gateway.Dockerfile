# The gateway with the built dashboard: a self-contained linux-x64 publish on runtime-deps, run as the
# non-root user app, probed on its management port's /healthz/live (on the public port while the
# management port does not listen). Context: the repository root.
# Here (no registry): scripts/build-images.sh passes BASE_IMAGE=gongzhi/base:bookworm and
# BUILD_IMAGE=NODE_IMAGE=gongzhi/build:local; elsewhere the official images below are used as they are.
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0
ARG BUILD_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a package reference changes.
# global.json is left out: it pins this machine's SDK band, and sdk:10.0 may carry another.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Abstractions/Gongzhi.Abstractions.csproj src/Abstractions/
COPY src/Domain/Gongzhi.Domain.csproj src/Domain/
COPY src/Gateway/Gongzhi.Gateway.csproj src/Gateway/
RUN dotnet restore src/Gateway -r linux-x64
COPY src/Abstractions src/Abstractions
COPY src/Domain src/Domain
COPY src/Gateway src/Gateway
# The folders of the source files the gateway's project links from the silo's (<Compile Include="../Silo/...">):
# whole folders, so a file newly linked from one of them needs no change here. A file linked from another
# folder fails tests/Gateway.Tests/DockerfileSourcesTests.cs (run by ./test.sh) until it is copied here.
COPY src/Silo/Storage src/Silo/Storage
COPY src/Silo/Extensions src/Silo/Extensions
COPY src/Silo/Telemetry src/Silo/Telemetry
# The build also writes artifacts/openapi/Gongzhi.Gateway.json, which the dashboard's types come from.
RUN dotnet publish src/Gateway -c Release -r linux-x64 --self-contained --no-restore -o /app

FROM ${NODE_IMAGE} AS dashboard
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY scripts/api-types.mjs scripts/
COPY src/Dashboard src/Dashboard
COPY --from=build /src/artifacts/openapi artifacts/openapi
RUN npm run build:dashboard

FROM ${BASE_IMAGE}
WORKDIR /app
COPY --from=build /app ./
COPY --from=dashboard /src/src/Dashboard/dist ./dashboard
# The communities' places (compound outlines, building points), read at start from Places__Directory.
COPY seeds/places ./places
COPY deploy/healthz.sh /usr/local/bin/healthz
USER 1654
ENV ASPNETCORE_ENVIRONMENT=Production Gateway__DashboardPath=/app/dashboard Places__Directory=/app/places
HEALTHCHECK --interval=5s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "/usr/local/bin/healthz", "/healthz/live", "200", \
       "Management__Urls=http://127.0.0.1:9181", "ASPNETCORE_URLS=http://127.0.0.1:8080"]
ENTRYPOINT ["/app/Gongzhi.Gateway"]
