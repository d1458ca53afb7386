using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Gongzhi.Silo.Storage;

/// <summary>
/// How text is escaped in the JSON the silo stores (table rows and archive blobs). Residents write Chinese, and the
/// default encoder writes each Chinese character as <c>\uXXXX</c>: 6 bytes where UTF-8 takes 3. This encoder leaves
/// every letter of every script as UTF-8 and still escapes what the default escapes in ASCII (quotes, <c>&amp;</c>,
/// <c>&lt;</c>, control characters), so a stored row's ASCII is unchanged. Rows stored escaped read the same
/// (D16-stored-utf8 in docs/architecture.md).
/// </summary>
internal static class StoredText
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
}
