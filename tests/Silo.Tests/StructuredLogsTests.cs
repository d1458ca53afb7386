using Gongzhi.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Gongzhi.Silo.Tests;

/// <summary>The log format an operator gets: JSON lines with scopes outside Development, unless configured otherwise.</summary>
public sealed class StructuredLogsTests
{
    [Theory]
    [InlineData("Production", null, "json")]
    [InlineData("Staging", null, "json")]
    [InlineData("Development", null, "simple")]
    [InlineData("Production", "simple", "simple")]
    [InlineData("Development", "json", "json")]
    public void Logs_are_json_lines_outside_development_unless_the_configuration_names_a_format(string environment, string? configured, string expected)
    {
        var options = Build(environment, configured is null ? [] : [new("Logging:Console:FormatterName", configured)]);

        Assert.Equal(expected, options.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public void Json_lines_carry_the_scopes_and_utc_times_unless_the_configuration_turns_them_off()
    {
        var defaults = Build("Production", []).GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        var configured = Build("Production", [new("Logging:Console:FormatterOptions:IncludeScopes", "false")])
            .GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.True(defaults.IncludeScopes);
        Assert.True(defaults.UseUtcTimestamp);
        Assert.False(configured.IncludeScopes);
    }

    [Fact]
    public void Traces_are_exported_only_to_a_configured_collector()
    {
        static bool Exported(params KeyValuePair<string, string?>[] settings) =>
            TelemetrySetup.TracesExported(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.False(Exported());
        Assert.True(Exported(Setting(TelemetrySetup.OtlpEndpoint, "http://127.0.0.1:4318")));
        Assert.True(Exported(Setting(TelemetrySetup.OtlpTracesEndpoint, "http://127.0.0.1:4318/v1/traces")));
        Assert.False(Exported(Setting(TelemetrySetup.OtlpEndpoint, "http://127.0.0.1:4318"), Setting("OTEL_SDK_DISABLED", "true")));
    }

    private static KeyValuePair<string, string?> Setting(string key, string value) => new(key, value);

    private static ServiceProvider Build(string environment, KeyValuePair<string, string?>[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole();
        builder.AddStructuredLogs();
        return builder.Services.BuildServiceProvider();
    }
}
