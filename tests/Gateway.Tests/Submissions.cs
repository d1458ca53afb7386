using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>Submission bodies for the tests: a valid one and variations of it.</summary>
public static class Submissions
{
    public static JsonObject Valid(string category = "heating", string? clientRequestId = null)
    {
        var body = new JsonObject
        {
            ["communityId"] = "ximen",
            ["kind"] = "service",
            ["category"] = category,
            ["description"] = "家里暖气不热，管道可能渗漏",
            ["location"] = new JsonObject { ["compound"] = "huiqian-xinyuan", ["building"] = "A", ["unit"] = "2" },
            ["contact"] = new JsonObject { ["name"] = "李福华", ["phone"] = "13805371234" },
        };
        if (clientRequestId is not null)
        {
            body["clientRequestId"] = clientRequestId;
        }

        return body;
    }

    /// <summary>The valid body with one field (dotted path) replaced, or removed when <paramref name="value"/> is null.</summary>
    public static string With(string path, JsonNode? value)
    {
        var body = Valid();
        var parts = path.Split('.');
        var parent = parts.Length == 2 ? body[parts[0]]!.AsObject() : body;
        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value;
        }

        return body.ToJsonString();
    }
}
