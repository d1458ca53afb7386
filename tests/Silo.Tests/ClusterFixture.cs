using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Tests.Faults;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// One in-process cluster per test class: memory storage and reminders, and a fake clock of the class's own, so
/// the time one class lets pass never moves another's "now" (the classes still run one at a time, see
/// <see cref="ClusterCollection"/>). Tests use fresh keys; a test that needs a particular
/// day or hour moves the clock there itself (<see cref="CountyClock.AdvanceToNext"/>).
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private const string InnerStorage = "memory";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>Faults to inject into the silo's grain storage; rules apply to the keys a test names.</summary>
    public StorageFaults Faults { get; } = new();

    public IClusterClient Client => Cluster.Client;

    /// <summary>The dispatch policy the silo runs (<c>Dispatch:Policy</c>); null for the default.</summary>
    protected virtual string? DispatchPolicy => null;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            // The state as production stores it (System.Text.Json, see SiloExtensions), so a reactivated grain reads what it wrote.
            silo.AddMemoryGrainStorage(InnerStorage, o => o.GrainStorageSerializer = SiloExtensions.CreateStateSerializer());
            silo.Services.AddGrainStorage(StorageNames.Gongzhi, (sp, _) => new FaultInjectingStorage(sp.GetRequiredKeyedService<IGrainStorage>(InnerStorage), Faults));
            silo.UseInMemoryReminderService();
            // Reminders that retry an outbox (a consultation's) fire within a test's patience.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.AddKeyedSingleton<TimeProvider>(Clocks.Domain, Time);
            silo.Services.AddKeyedSingleton<TimeProvider>(Clocks.Liveness, Time);
            silo.Services.AddGongzhiSiloServices();
            if (DispatchPolicy is { } policy)
            {
                silo.Services.Configure<DispatchOptions>(o => o.Policy = policy);
            }
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A community of its own for one test: two compounds, three categories and the given cadres.</summary>
    public async Task<string> NewCommunityAsync(params CadreProfile[] cadres)
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        var info = Info(id);
        await Client.GetGrain<ICommunityGrain>(id).ConfigureAsync(new CommunityDefinition(info, cadres));
        return id;
    }

    /// <summary>The test community's description: heating (utilities, department heating), certificates, disputes.</summary>
    public static CommunityInfo Info(string id) =>
        new CommunityInfo(id, "测试社区", "Test", "sub-1", "county-1",
            [new CompoundInfo("east", "东区", "East", ["1", "2"])],
            [
                new CategoryInfo("heating", "供暖", "Heating", HandlingMode.DoItNow) { SlaClass = "utilities", DepartmentId = "dept-heating" },
                new CategoryInfo("certificates", "证照代办", "Certificates", HandlingMode.DoForYou),
                new CategoryInfo("dispute", "邻里纠纷", "Dispute", HandlingMode.LeadThrough),
            ])
        {
            SlaClasses =
            [
                new SlaClassInfo("utilities", TimeSpan.FromHours(2), TimeSpan.FromHours(24)),
                new SlaClassInfo("general", TimeSpan.FromHours(24), TimeSpan.FromDays(7)),
            ],
        };

    public static CadreProfile Cadre(string id, bool onDuty, params string[] categories) =>
        new(id, "干部" + id, categories, [new DutyShift([1, 2, 3, 4, 5], new TimeOnly(8, 0), new TimeOnly(18, 0))], onDuty);

    public static string UniqueCadreId(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    public CaseSubmission Submission(string communityId, string category = "heating", string? caseId = null) =>
        new(caseId ?? Guid.NewGuid().ToString("N")[..16], communityId, CaseKind.Service, category, "暖气不热",
            new CaseLocation("east", "1", null), new ContactInfo("李福", "13800000000"), null, Time.GetUtcNow());
}

/// <summary>
/// The test classes on a <see cref="ClusterFixture"/> run one after another, as one collection; each still gets
/// its own cluster and clock (a class fixture, not a collection fixture), so only one such cluster runs at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
