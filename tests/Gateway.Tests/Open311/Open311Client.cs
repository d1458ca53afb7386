using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using System.Xml.Schema;
using Gongzhi.Gateway.Open311;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongzhi.Gateway.Tests.Open311;

/// <summary>
/// An Open311 client of the test gateway: form-encoded POSTs, XML answers checked against the spec's element names
/// (<c>georeport-v2.xsd</c>) and its encoding, JSON answers parsed.
/// </summary>
public sealed class Open311Client(HttpClient http)
{
    public const string Root = "/open311/v2";

    private static readonly XmlSchemaSet Schema = LoadSchema();

    public HttpClient Http => http;

    public static Open311Client Of(WebApplicationFactory<Program> gateway) => new(gateway.CreateClient());

    public Task<HttpResponseMessage> PostAsync(string format, IEnumerable<KeyValuePair<string, string>> fields, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Root}/requests.{format}") { Content = new FormUrlEncodedContent(fields) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return http.SendAsync(request);
    }

    /// <summary>The XML answer, after checking its status, content type, declaration and the spec's schema.</summary>
    public async Task<XElement> XmlAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.True(status == response.StatusCode, $"{status} expected, got {response.StatusCode}: {text}");
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", text, StringComparison.Ordinal);
        var document = XDocument.Parse(text);
        var faults = new List<string>();
        document.Validate(Schema, (_, e) => faults.Add(e.Message));
        Assert.True(faults.Count == 0, string.Join("\n", faults) + "\n" + text);
        return document.Root!;
    }

    public async Task<XElement> GetXmlAsync(string path, HttpStatusCode status = HttpStatusCode.OK) =>
        await XmlAsync(await http.GetAsync(Root + path), status);

    /// <summary>The JSON answer, after checking its status and content type.</summary>
    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{status} expected, got {response.StatusCode}: {text}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> GetJsonAsync(string path, HttpStatusCode status = HttpStatusCode.OK) =>
        await JsonAsync(await http.GetAsync(Root + path), status);

    /// <summary>The descriptions of an error list, each checked to carry the HTTP status as its code.</summary>
    public static IReadOnlyList<string> Errors(XElement errors, HttpStatusCode status)
    {
        Assert.Equal("errors", errors.Name.LocalName);
        Assert.All(errors.Elements("error"), e => Assert.Equal(((int)status).ToString(), e.Element("code")!.Value));
        return [.. errors.Elements("error").Select(e => e.Element("description")!.Value)];
    }

    public static IReadOnlyList<string> Errors(JsonNode errors, HttpStatusCode status)
    {
        var list = errors.AsArray();
        Assert.All(list, e => Assert.Equal(((int)status).ToString(), e!["code"]!.GetValue<string>()));
        return [.. list.Select(e => e!["description"]!.GetValue<string>())];
    }

    /// <summary>A valid request's fields: a grievance about heating at a named address, with the resident's phone.</summary>
    public static List<KeyValuePair<string, string>> Request(string apiKey, string description, params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = apiKey,
            ["jurisdiction_id"] = "ximen",
            ["service_code"] = "heating",
            ["attribute[kind]"] = "grievance",
            ["address_string"] = "回迁新苑 A号楼",
            ["description"] = description,
            ["first_name"] = "福华",
            ["last_name"] = "李",
            ["phone"] = "13805371234",
            ["device_id"] = "device-1",
        };
        foreach (var (key, value) in more)
        {
            if (value.Length == 0)
            {
                fields.Remove(key);
            }
            else
            {
                fields[key] = value;
            }
        }

        return [.. fields];
    }

    private static XmlSchemaSet LoadSchema()
    {
        var set = new XmlSchemaSet();
        set.Add(null, Path.Combine(RepoPaths.Root, "tests", "Gateway.Tests", "Open311", "georeport-v2.xsd"));
        set.Compile();
        return set;
    }
}
