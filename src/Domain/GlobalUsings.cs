global using Gongzhi.Refusals;
