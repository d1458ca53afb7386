global using Orleans;
global using Gongzhi.Refusals;
