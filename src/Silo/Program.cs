using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Management;

namespace Gongzhi.Silo;

/// <summary>The silo process: Orleans, its hosted services and the management port (health, and what operators read).</summary>
internal static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddGongzhiSilo();
        builder.AddSiloManagement();

        var app = builder.Build();
        app.MapSiloManagement();
        await app.RunAsync();
    }
}
