using Gongzhi.Balancer;

BalancerApp.Create(args).Run();
