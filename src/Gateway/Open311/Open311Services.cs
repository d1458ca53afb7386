using System.Globalization;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// A service is a category of the community. Every service takes the same attributes, whose codes are stable:
/// <see cref="Kind"/> (提建议 / 讲诉求 / 找服务), <see cref="Building"/> and <see cref="Unit"/>. Services are <c>batch</c>:
/// a request is queued durably and the case made a moment later, so a client gets a token first (docs/open311.md).
/// </summary>
public static class Open311Services
{
    public const string Kind = "kind";
    public const string Building = "building";
    public const string Unit = "unit";

    public static readonly IReadOnlyList<(string Key, string Name, CaseKind Value)> Kinds =
    [
        ("suggestion", "提建议 (suggestion)", CaseKind.Suggestion),
        ("grievance", "讲诉求 (grievance)", CaseKind.Grievance),
        ("service", "找服务 (service)", CaseKind.Service),
    ];

    public static Open311Node List(CommunityInfo community) =>
        Open311Node.List("services", community.Categories.Select(category => Open311Node.Object("service",
            Open311Node.Text("service_code", category.Id),
            Open311Node.Text("service_name", category.Name),
            Open311Node.Text("description", Describe(category, community)),
            Open311Node.Flag("metadata", true),
            Open311Node.Text("type", "batch"),
            Open311Node.Text("keywords", category.NameEn),
            Open311Node.Text("group", category.DepartmentId ?? ""))));

    public static Open311Node Definition(CategoryInfo category) =>
        Open311Node.Object("service_definition",
            Open311Node.Text("service_code", category.Id),
            Open311Node.List("attributes",
                Attribute(Kind, "singlevaluelist", required: true, 1, "What the request is: a suggestion, a grievance or a request for a service.",
                    Kinds.Select(k => (k.Key, k.Name))),
                Attribute(Building, "string", required: false, 2,
                    "The building within the compound the location names (e.g. 60, A); not needed when address_id or lat/long already give it.",
                    []),
                Attribute(Unit, "string", required: false, 3, "The unit (单元) within the building.", [])));

    private static Open311Node Attribute(string code, string datatype, bool required, int order, string description, IEnumerable<(string Key, string Name)> values)
    {
        List<Open311Node> fields =
        [
            Open311Node.Flag("variable", true),
            Open311Node.Text("code", code),
            Open311Node.Text("datatype", datatype),
            Open311Node.Flag("required", required),
            Open311Node.Text("datatype_description", datatype == "singlevaluelist" ? "One of the keys listed in values." : "Text."),
            Open311Node.Number("order", order),
            Open311Node.Text("description", description),
        ];
        var list = values.ToList();
        if (list.Count > 0)
        {
            fields.Add(Open311Node.List("values", list.Select(v => Open311Node.Object("value", Open311Node.Text("key", v.Key), Open311Node.Text("name", v.Name)))));
        }

        return Open311Node.Object("attribute", fields);
    }

    // The English name and the SLA: how soon a case of the category is to be resolved (the source of expected_datetime).
    private static string Describe(CategoryInfo category, CommunityInfo community)
    {
        var sla = community.SlaClasses.FirstOrDefault(s => s.Id == category.SlaClass);
        return sla is null
            ? category.NameEn
            : string.Create(CultureInfo.InvariantCulture, $"{category.NameEn}. To be resolved within {sla.ResolveWithin.TotalHours:0.#} h of acceptance (SLA class {sla.Id}).");
    }
}
