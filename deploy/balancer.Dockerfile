# The load balancer (YARP) in front of the gateways: a self-contained linux-x64 publish on runtime-deps,
# run as the non-root user app, probed on its own /healthz/live. Context: the repository root.
# Here (no registry): scripts/build-images.sh passes BASE_IMAGE=gongzhi/base:bookworm and
# BUILD_IMAGE=gongzhi/build:local; elsewhere the official images below are used as they are.
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0
ARG BUILD_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# global.json is left out: it pins this machine's SDK band, and sdk:10.0 may carry another.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Balancer/Gongzhi.Balancer.csproj src/Balancer/
RUN dotnet restore src/Balancer -r linux-x64
COPY src/Balancer src/Balancer
RUN dotnet publish src/Balancer -c Release -r linux-x64 --self-contained --no-restore -o /app

FROM ${BASE_IMAGE}
WORKDIR /app
COPY --from=build /app ./
COPY deploy/healthz.sh /usr/local/bin/healthz
USER 1654
# It listens on Balancer__Urls only: the base's ASPNETCORE_HTTP_PORTS would only add a warning at start.
ENV ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_HTTP_PORTS=
HEALTHCHECK --interval=5s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "/usr/local/bin/healthz", "/healthz/live", "200", "Balancer__Urls=http://127.0.0.1:8080"]
ENTRYPOINT ["/app/Gongzhi.Balancer"]
