using System.Globalization;

namespace Gongzhi.Gateway.Views;

/// <summary>A cadre as the admin page shows and edits them; <c>onDuty</c> and <c>load</c> are read-only here.</summary>
public sealed record AdminCadreView(
    string Id,
    string Name,
    IReadOnlyList<string> Categories,
    IReadOnlyList<AdminShiftView> Shifts,
    bool IsVolunteer,
    int MaxOpenCases,
    bool OnDuty,
    int Load)
{
    public static AdminCadreView From(CadreProfile profile, RosterEntry? roster) =>
        new(profile.Id, profile.Name, profile.Categories, profile.Shifts.Select(AdminShiftView.From).ToArray(), profile.IsVolunteer, profile.MaxOpenCases,
            roster?.OnDuty ?? false, roster?.Load ?? 0);
}

/// <summary>A weekly shift: ISO days (Monday = 1) and local times <c>HH:mm</c>; an end not after the start runs overnight.</summary>
public sealed record AdminShiftView(IReadOnlyList<int> Days, string Start, string End)
{
    public static AdminShiftView From(DutyShift shift) =>
        new(shift.Days, shift.Start.ToString("HH:mm", CultureInfo.InvariantCulture), shift.End.ToString("HH:mm", CultureInfo.InvariantCulture));
}
