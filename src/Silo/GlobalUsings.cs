global using Orleans;
global using Orleans.Runtime;
global using Microsoft.Extensions.Logging;
global using Gongzhi.Refusals;
