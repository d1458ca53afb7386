using Gongzhi.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayServices();
BuildTimeDocument.Prepare(builder);

var app = builder.Build();
app.MapGateway();
app.Run();

/// <summary>The gateway's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
