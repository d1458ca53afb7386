# The silo: a self-contained linux-x64 publish on runtime-deps (no .NET install in the image), run as
# the non-root user app, probed on its management port's /healthz/live. Context: the repository root.
# Here (no registry): scripts/build-images.sh passes BASE_IMAGE=gongzhi/base:bookworm and
# BUILD_IMAGE=gongzhi/build:local; elsewhere the official images below are used as they are.
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0
ARG BUILD_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a package reference changes.
# global.json is left out: it pins this machine's SDK band, and sdk:10.0 may carry another.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Abstractions/Gongzhi.Abstractions.csproj src/Abstractions/
COPY src/Domain/Gongzhi.Domain.csproj src/Domain/
COPY src/Silo/Gongzhi.Silo.csproj src/Silo/
RUN dotnet restore src/Silo -r linux-x64
COPY src/Abstractions src/Abstractions
COPY src/Domain src/Domain
COPY src/Silo src/Silo
RUN dotnet publish src/Silo -c Release -r linux-x64 --self-contained --no-restore -o /app

FROM ${BASE_IMAGE}
WORKDIR /app
COPY --from=build /app ./
# The demo world, loaded when Seeds__Path=/app/seeds (and Seeds__DemoPassword) are set.
COPY seeds ./seeds
COPY deploy/healthz.sh /usr/local/bin/healthz
USER 1654
# It listens on Management__Urls only: the base's ASPNETCORE_HTTP_PORTS would only add a warning at start.
ENV DOTNET_ENVIRONMENT=Production ASPNETCORE_HTTP_PORTS=
HEALTHCHECK --interval=5s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "/usr/local/bin/healthz", "/healthz/live", "200", "Management__Urls=http://127.0.0.1:9191"]
ENTRYPOINT ["/app/Gongzhi.Silo"]
