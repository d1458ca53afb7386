namespace Gongzhi.Gateway.Places;

/// <summary>Registers the place directory, read while the gateway is built: a bad places file stops the start, not a request.</summary>
public static class PlacesRegistration
{
    public static WebApplicationBuilder AddGatewayPlaces(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PlacesOptions.Section).Get<PlacesOptions>() ?? new PlacesOptions();
        var directory = PlaceDirectory.Load(Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, options.Directory)));
        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton<IPlaceDirectory>(directory);
        return builder;
    }
}
