using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The published contract (<c>/openapi/v1.json</c>) as a client developer reads it: every operation says what it does,
/// whether it needs a staff token, and each problem answer names its refusal codes. A new route without them fails here.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class OpenApiContractTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Every_operation_has_a_summary_an_id_a_tag_and_states_whether_it_needs_a_token()
    {
        var missing = new List<string>();
        foreach (var (name, operation) in await OperationsAsync())
        {
            if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
            {
                missing.Add($"{name}: no summary");
            }

            if (string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()) || operation["tags"] is not JsonArray { Count: > 0 })
            {
                missing.Add($"{name}: no operationId or tag");
            }

            if (operation["security"] is not JsonArray { Count: > 0 })
            {
                missing.Add($"{name}: no security requirement (RequireAuthorization or AllowAnonymous)");
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Routes_that_need_a_staff_token_say_so_and_answer_401_without_one()
    {
        var operations = await OperationsAsync();

        var getCase = operations["GET /api/v1/cases/{caseId}"];
        Assert.Equal("staffToken", Assert.Single(Assert.Single(getCase["security"]!.AsArray())!.AsObject()).Key);
        Assert.Contains("unauthenticated", Codes(getCase, "401"));
        Assert.Empty(Assert.Single(operations["POST /api/v1/cases"]["security"]!.AsArray())!.AsObject());
        Assert.Equal(2, operations["POST /api/v1/video-petitions/{petitionId}/cancel"]["security"]!.AsArray().Count);
        var scheme = (await DocumentAsync())["components"]!["securitySchemes"]!["staffToken"]!;
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.Equal("JWT", scheme["bearerFormat"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_problem_answer_names_its_refusal_codes()
    {
        var missing = new List<string>();
        foreach (var (name, operation) in await OperationsAsync())
        {
            foreach (var (status, _) in operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')))
            {
                if (Codes(operation, status).Length == 0)
                {
                    missing.Add($"{name} {status}");
                }
            }
        }

        Assert.Empty(missing);
        var assign = (await OperationsAsync())["POST /api/v1/cases/{caseId}/assign"];
        Assert.Contains("dispatcher-only", Codes(assign, "403"));
        Assert.Contains("cadre-off-duty", Codes(assign, "409"));
        Assert.Contains("invalid-fields", Codes(assign, "400"));
    }

    private static string[] Codes(JsonNode operation, string status) =>
        operation["responses"]?[status]?["x-refusal-codes"]?.AsArray().Select(c => c!.GetValue<string>()).ToArray() ?? [];

    private async Task<JsonObject> DocumentAsync() =>
        (await fixture.Flow.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

    private async Task<Dictionary<string, JsonNode>> OperationsAsync() =>
        (await DocumentAsync())["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => ($"{op.Key.ToUpperInvariant()} {path.Key}", op.Value!)))
            .ToDictionary(op => op.Item1, op => op.Item2);
}
