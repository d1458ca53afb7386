using Gongzhi.Silo.Storage;
using Gongzhi.Staff;

namespace Gongzhi.Silo.Grains;

/// <summary>The usernames of every staff account, for the admin's list.</summary>
internal sealed class StaffDirectoryGrain(GrainStates states)
    : IdSetGrain<StaffDirectoryState>(states.For<StaffDirectoryState>("staff-directory")), IStaffDirectoryGrain
{
    protected override List<string> Ids(StaffDirectoryState state) => state.Usernames;
}

/// <summary>The persisted state of the staff directory.</summary>
public sealed class StaffDirectoryState
{
    public List<string> Usernames { get; set; } = [];
}
