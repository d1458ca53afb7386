using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Gongzhi.Gateway.Apis;
using Gongzhi.Gateway.Auth;
using Gongzhi.Gateway.Contract;
using Gongzhi.Gateway.Intake;
using Gongzhi.Gateway.Open311;
using Gongzhi.Gateway.Ops;
using Gongzhi.Gateway.Places;
using Gongzhi.Gateway.Realtime;
using Gongzhi.Gateway.Telemetry;
using Gongzhi.Hosting;
using Gongzhi.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Gongzhi.Gateway.Extensions;

/// <summary>Wires the gateway: Orleans client, storage queue, staff auth, SignalR, OpenAPI, the routes.</summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.AddGatewayKeys();
        builder.AddGatewayTelemetry();
        builder.AddGatewayProtection();
        builder.AddGatewayMetrics();
        builder.AddGatewayPlaces();
        var storage = StorageAccount.From(builder.Configuration, builder.Environment);
        var clusterId = builder.Configuration["Orleans:ClusterId"] ?? "gongzhi-dev";
        var serviceId = builder.Configuration["Orleans:ServiceId"] ?? "gongzhi";

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.Configure<Orleans.Configuration.GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            client.UseAzureStorageClustering(o => o.TableServiceClient = storage.Tables());
            client.AddClusterConnectionStatusObserver<ClusterConnectionWatcher>();
            // Wait for the cluster rather than fail start-up: the silo may still be coming up. Other services start meanwhile.
            client.UseConnectionRetryFilter(async (_, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                return true;
            });
        });

        // Kestrel serves /healthz/live, /healthz/ready and intake for known communities while the client still waits (decision 43).
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.Services.AddSingleton(TimeProvider.System);
        var counter = StorageRequestCounter.AddIfLogged(builder.Services, builder.Configuration);
        builder.Services.AddSingleton(storage.Queues(StorageRequestCounter.Counted(new QueueClientOptions(), counter, "queue")));
        builder.Services.AddSingleton(storage.Blobs(StorageRequestCounter.Counted(new BlobClientOptions(), counter, "blob")));
        builder.Services.AddOptions<Gateway.GatewayOptions>().BindConfiguration(Gateway.GatewayOptions.Section)
            .Validate(o => o.TrackingKey.Length >= 32, "Gateway:TrackingKey must be set to at least 32 characters.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.IntakeQueueName) && !string.IsNullOrWhiteSpace(o.IntakePoisonQueueName),
                "Gateway:IntakeQueueName and Gateway:IntakePoisonQueueName must be set.")
            .Validate(o => o.IntakeSendsInFlight >= 1, "Gateway:IntakeSendsInFlight must be at least 1.")
            .Validate(o => o.IntakeSendInterval >= TimeSpan.Zero && o.IntakeSendInterval <= TimeSpan.FromSeconds(1),
                "Gateway:IntakeSendInterval must be between 00:00:00 and 00:00:01.")
            .ValidateOnStart();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => o.SigningKey.Length >= 32, "Auth:SigningKey must be set to at least 32 characters.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TrackingTokens>();
        builder.Services.AddOpen311();
        builder.Services.AddSingleton<IntakeQueue>();
        builder.Services.AddSingleton<IntakeWakeUp>();
        builder.Services.AddSingleton<PoisonQueue>();
        builder.Services.AddSingleton<CommunityDescriptionSource>();
        builder.Services.AddSingleton<CommunityInfoCache>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddOpen311ApiKeys();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer().AddStaffOidc(builder.Configuration);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider>((jwt, auth, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TimeProvider = time;
                jwt.TokenValidationParameters = TokenIssuer.Validation(auth.Value);
                jwt.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: the hub takes the token from the query.
                    OnMessageReceived = BearerTokens.OnMessageReceived,
                    OnTokenValidated = StaffSessionCheck.OnTokenValidated,
                };
            });
        builder.Services.AddStaffAuthorization();
        builder.Services.AddStaffIdentity();

        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddSignalR().AddJsonProtocol(o => Configure(o.PayloadSerializerOptions));
        builder.Services.AddSingleton<CaseUpdateSequencer>();
        builder.Services.AddSingleton<CasePushPump>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CasePushPump>());
        builder.Services.AddSingleton<HubDispatchObserver>();
        builder.Services.AddSingleton<StaffConnections>();
        builder.Services.AddSingleton<CallRooms>();
        builder.Services.AddSingleton<CallRelay>();
        builder.Services.AddOptions<VideoCallOptions>().BindConfiguration(VideoCallOptions.Section)
            .Validate(o => o.MaxSignalChars > 0 && o.SignalBurst > 0 && o.SignalsPerSecond > 0, "Video: MaxSignalChars, SignalBurst and SignalsPerSecond must be positive.")
            .Validate(o => o.IceServers.All(s => s.Urls.Count > 0), "Video:IceServers: every server needs at least one url.")
            .ValidateOnStart();
        builder.Services.AddOptions<Map.MapOptions>().BindConfiguration(Map.MapOptions.Section)
            .Validate(o => o.IsValid(), "Map:TileUrl must be empty or an absolute http(s) URL template with {z}, {x} and {y}.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ObserverRegistration>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ObserverRegistration>());

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodeDefaults.Apply);
        // An unreadable body is the client's 400 in every environment, not a Development-only exception and 500.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.AddGatewayOpenApi();
        builder.AddOps();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseGatewayMetrics();
        app.UseGatewayProtection();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodyLimits();
        // The dashboard's files are public and served before authorization, whose fallback policy denies everything unnamed.
        app.UseDashboardFiles();
        app.UseAuthentication();
        app.UseHubTokenCheck();
        app.UseAuthorization();
        app.MapDashboardPages();

        app.MapOpenApi().AllowAnonymous();
        // Every route in one group, so that the 401 and 403 its authorization implies are in the document.
        var routes = app.MapGroup("").DocumentAuthorization();
        routes.MapHealthApi();
        routes.MapAuthApi();
        routes.MapAdminAccountsApi();
        routes.MapSubmissionsApi();
        routes.MapTrackApi();
        routes.MapCommunitiesApi();
        routes.MapPlacesApi();
        routes.MapMapApi();
        routes.MapCasesApi();
        routes.MapCasePhoneApi();
        routes.MapCaseDispatchApi();
        routes.MapQueuesApi();
        routes.MapAlertsApi();
        routes.MapLevelsApi();
        routes.MapPhotosApi();
        routes.MapResidentPhotosApi();
        routes.MapCadresApi();
        routes.MapMetricsApi();
        routes.MapVideoPetitionsApi();
        routes.MapConsultationsApi();
        routes.MapOpen311Api();
        routes.MapInvitationsApi();
        routes.MapPoisonApi();
        routes.MapAdminWorldApi().MapAdminCatalogApi().MapAdminAuditApi();
        routes.MapAdminOpen311ClientsApi();
        routes.MapOpsApi(app.Services.GetRequiredService<IOptions<OpsOptions>>().Value);
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.DevTokens)
        {
            routes.MapDevApi();
        }

        // Residents follow a case by tracking token without a staff token; each hub method states its own policy.
        app.MapHub<DispatchHub>(DispatchHub.Path, o => o.CloseOnAuthenticationExpiration = true).AllowAnonymous();
        return app;
    }

    private static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
