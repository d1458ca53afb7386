using System.Globalization;
using System.Text;
using System.Xml;

namespace Gongzhi.Gateway.Open311;

/// <summary>GeoReport v2's XML: UTF-8, with the declaration <c>encoding="UTF-8"</c> the spec asks for.</summary>
public static class Open311Xml
{
    public const string ContentType = "text/xml; charset=utf-8";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        // Written by hand: XmlWriter spells the encoding utf-8, and the spec shows UTF-8.
        OmitXmlDeclaration = true,
        // Text a stranger sent may hold characters XML cannot carry; they are dropped, never a failure.
        CheckCharacters = false,
    };

    private static readonly byte[] Declaration = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

    public static byte[] Write(Open311Node root)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Declaration);
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            WriteNode(writer, root);
        }

        return buffer.ToArray();
    }

    private static void WriteNode(XmlWriter writer, Open311Node node)
    {
        writer.WriteStartElement(node.Name);
        switch (node.Kind)
        {
            case Open311NodeKind.Text:
                writer.WriteString(Clean(node.Value as string ?? ""));
                break;
            case Open311NodeKind.Flag:
                writer.WriteString((bool)node.Value! ? "true" : "false");
                break;
            case Open311NodeKind.Number:
                writer.WriteString(node.Value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : "");
                break;
            default:
                foreach (var child in node.Children ?? [])
                {
                    WriteNode(writer, child);
                }

                break;
        }

        writer.WriteEndElement();
    }

    // Only the characters XML 1.0 allows.
    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string([.. text.Where(XmlConvert.IsXmlChar)]);
}
