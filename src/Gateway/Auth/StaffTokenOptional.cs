namespace Gongzhi.Gateway.Auth;

/// <summary>
/// Endpoint metadata: an anonymous route that also reads a staff bearer token when one is sent (the video-petition
/// routes a resident opens with a tracking token and staff with their token). The OpenAPI document states both ways in.
/// </summary>
public sealed class StaffTokenOptional
{
    public static readonly StaffTokenOptional Instance = new();

    private StaffTokenOptional()
    {
    }
}

public static class StaffTokenOptionalExtensions
{
    /// <summary>Anyone may call the route; a staff bearer token, when sent, identifies the caller.</summary>
    public static TBuilder AllowAnonymousOrStaff<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(StaffTokenOptional.Instance);
}
