using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Gongzhi.Realtime;

namespace Gongzhi.Silo.Extensions;

/// <summary>
/// References to the grains a case calls on its way (its own, its community's, its community's metrics, the dispatch
/// registry), made from the grain and interface types <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/>
/// found the first time. That call finds them again by reflection on every use (the interface's attributes, then
/// its name formatted and parsed): 6 % of the silo's CPU under S1, for ~6 references a case (decision D16-grain-refs).
/// </summary>
internal sealed class GrainReferences(IGrainFactory grains)
{
    private readonly Kind<ICaseGrain> _cases = new(grains);
    private readonly Kind<ICommunityGrain> _communities = new(grains);
    private readonly Kind<IMetricsGrain> _metrics = new(grains);
    private readonly Lazy<IDispatchRegistryGrain> _registry = new(() => grains.GetGrain<IDispatchRegistryGrain>(0));

    public IGrainFactory Factory => grains;

    public ICaseGrain Case(string caseId) => _cases.Get(caseId);

    public ICommunityGrain Community(string communityId) => _communities.Get(communityId);

    public IMetricsGrain Metrics(string communityId) => _metrics.Get(communityId);

    /// <summary>The one registry of gateway observers (key 0).</summary>
    public IDispatchRegistryGrain Registry => _registry.Value;

    private sealed class Kind<T>(IGrainFactory grains) where T : IGrainWithStringKey
    {
        // Set once, as one reference, so a reader sees both types or neither.
        private Types? _types;

        public T Get(string key)
        {
            if (_types is { } types)
            {
                return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
            }

            var first = grains.GetGrain<T>(key);
            _types = new Types(first.GetGrainId().Type, ((GrainReference)(object)first).InterfaceType);
            return first;
        }
    }

    private sealed record Types(GrainType Grain, GrainInterfaceType Interface);
}
