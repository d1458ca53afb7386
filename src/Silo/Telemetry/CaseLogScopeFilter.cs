using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Telemetry;

namespace Gongzhi.Silo.Telemetry;

/// <summary>Every line a case grain or a community grain logs while it handles a call carries that case's or community's id as a scope.</summary>
internal sealed class CaseLogScopeFilter(ILogger<CaseLogScopeFilter> logger) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) => context.Grain switch
    {
        ICaseGrain => InScopeAsync(context, new CaseLogScope(context.TargetId.Key.ToString(), null)),
        ICommunityGrain => InScopeAsync(context, new CaseLogScope(null, context.TargetId.Key.ToString())),
        _ => context.Invoke(),
    };

    private async Task InScopeAsync(IIncomingGrainCallContext context, CaseLogScope scope)
    {
        using (logger.BeginScope(scope))
        {
            await context.Invoke();
        }
    }
}
