using Gongzhi.Silo.Extensions;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddGongzhiSilo();
await builder.Build().RunAsync();
