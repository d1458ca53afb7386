using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests;

/// <summary>A queue message holds several residents' cases: its send belongs to none of their traces.</summary>
[Collection(GatewayCollection.Name)]
public sealed class IntakeSendTraceTests(GatewayFixture fixture)
{
    private const int Burst = 30;

    [Fact]
    public async Task Queue_sends_run_outside_every_residents_trace()
    {
        var queueName = "trace-" + Guid.NewGuid().ToString("N")[..8];
        var sends = new SendTraceRecorder();
        var options = new QueueClientOptions();
        options.AddPolicy(sends, HttpPipelinePosition.PerCall);
        var queues = new QueueServiceClient(fixture.Azurite.ConnectionString, options);
        await using var gateway = fixture.Gateway(queueName).WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddSingleton(queues)));
        var client = gateway.CreateClient();
        var residentTraces = Enumerable.Range(0, Burst).Select(_ => ActivityTraceId.CreateRandom()).ToArray();

        var responses = await Task.WhenAll(residentTraces.Select(async trace =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(Submissions.Valid()) };
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            return await client.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.NotEmpty(sends.Traces);
        Assert.DoesNotContain(sends.Traces, trace => residentTraces.Contains(trace));
    }

    /// <summary>Notes the trace each queue send (POST) runs in.</summary>
    private sealed class SendTraceRecorder : HttpPipelinePolicy
    {
        public ConcurrentBag<ActivityTraceId> Traces { get; } = [];

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Record(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Post)
            {
                Traces.Add(Activity.Current?.TraceId ?? default);
            }
        }
    }
}
