using System.Text.Json;
using Azure.Storage.Queues.Models;
using Gongzhi.Intake;

namespace Gongzhi.Gateway.Intake;

/// <summary>One message of the poison queue as staff see it: the cases and communities inside, or that it does not parse.</summary>
public sealed record PoisonEntry(string MessageId, DateTimeOffset? InsertedOn, bool Unparseable, string[] CaseIds, string[] CommunityIds)
{
    public static PoisonEntry From(PeekedMessage message)
    {
        try
        {
            var submissions = IntakeMessage.Parse(message.Body.ToString()).Submissions ?? [];
            return new PoisonEntry(message.MessageId, message.InsertedOn, false,
                [.. submissions.Select(s => s.CaseId)], [.. submissions.Select(s => s.CommunityId).Distinct(StringComparer.Ordinal)]);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            return new PoisonEntry(message.MessageId, message.InsertedOn, true, [], []);
        }
    }
}
