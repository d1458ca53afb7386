using Gongzhi.Silo.Tests.Faults;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Gongzhi.Staff;

namespace Gongzhi.Silo.Tests;

/// <summary>Staff accounts and their sessions, on the grains, with the storage failing under them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StaffAccountTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static StaffAccount NewAccount(string username) => new(username, "王立群", "cadre", "ximen", "hash-1", "stamp-1", "c-1");

    private static string NewUsername() => "u-" + Guid.NewGuid().ToString("N")[..10];

    private IStaffAccountGrain Grain(string username) => fixture.Client.GetGrain<IStaffAccountGrain>(StaffUsernames.Normalize(username));

    private Task<IReadOnlyList<string>> ListedAsync() => fixture.Client.GetGrain<IStaffDirectoryGrain>(0).GetAsync();

    [Fact]
    public async Task A_created_account_is_read_back_and_listed_and_a_second_one_with_its_name_is_refused()
    {
        var username = NewUsername();
        var grain = Grain(username);

        Assert.Equal(AccountWriteOutcome.Ok, await grain.CreateAsync(NewAccount(username)));

        Assert.Equal(NewAccount(username), await grain.GetAsync());
        Assert.Contains(username, await ListedAsync());
        Assert.Equal(AccountWriteOutcome.Exists, await grain.CreateAsync(NewAccount(username) with { DisplayName = "别人" }));
        Assert.Equal("王立群", (await grain.GetAsync())!.DisplayName);
    }

    [Fact]
    public async Task An_update_from_an_older_copy_is_refused_as_stale()
    {
        var username = NewUsername();
        var grain = Grain(username);
        await grain.CreateAsync(NewAccount(username));
        await grain.UpdateAsync("c-1", NewAccount(username) with { DisplayName = "甲", ConcurrencyStamp = "c-2" });

        var outcome = await grain.UpdateAsync("c-1", NewAccount(username) with { DisplayName = "乙", ConcurrencyStamp = "c-3" });

        Assert.Equal(AccountWriteOutcome.Stale, outcome);
        Assert.Equal("甲", (await grain.GetAsync())!.DisplayName);
        Assert.Equal(AccountWriteOutcome.NotFound, await Grain(NewUsername()).UpdateAsync("c-1", NewAccount("nobody")));
    }

    [Fact]
    public async Task A_session_is_open_until_it_ends_expires_or_the_stamp_changes()
    {
        var username = NewUsername();
        var grain = Grain(username);
        await grain.CreateAsync(NewAccount(username));
        var until = fixture.Time.GetUtcNow().AddMinutes(15);
        await grain.OpenSessionAsync("s1", until);
        await grain.OpenSessionAsync("s2", until);
        await grain.OpenSessionAsync("s3", until);

        await grain.EndSessionAsync("s1");
        Assert.False(await grain.IsSessionOpenAsync("s1", "stamp-1"));
        Assert.True(await grain.IsSessionOpenAsync("s2", "stamp-1"));
        Assert.False(await grain.IsSessionOpenAsync("s2", "stamp-0"));

        // A new password (a new security stamp) ends every session.
        await grain.UpdateAsync("c-1", NewAccount(username) with { PasswordHash = "hash-2", SecurityStamp = "stamp-2", ConcurrencyStamp = "c-2" });
        Assert.False(await grain.IsSessionOpenAsync("s2", "stamp-2"));
        Assert.False(await grain.RenewSessionAsync("s3", "stamp-2", until));
    }

    [Fact]
    public async Task A_disabled_account_has_no_open_session_and_opens_none()
    {
        var username = NewUsername();
        var grain = Grain(username);
        await grain.CreateAsync(NewAccount(username));
        await grain.OpenSessionAsync("s1", fixture.Time.GetUtcNow().AddMinutes(15));

        await grain.UpdateAsync("c-1", NewAccount(username) with { Disabled = true, ConcurrencyStamp = "c-2" });

        Assert.False(await grain.IsSessionOpenAsync("s1", "stamp-1"));
        Assert.False(await grain.OpenSessionAsync("s2", fixture.Time.GetUtcNow().AddMinutes(15)));
    }

    [Fact]
    public async Task A_renewed_session_outlives_its_first_expiry_and_an_expired_one_cannot_be_renewed()
    {
        var username = NewUsername();
        var grain = Grain(username);
        await grain.CreateAsync(NewAccount(username));
        var now = fixture.Time.GetUtcNow();
        await grain.OpenSessionAsync("s1", now.AddMinutes(15));
        await grain.OpenSessionAsync("s2", now.AddMinutes(15));

        Assert.True(await grain.RenewSessionAsync("s1", "stamp-1", now.AddMinutes(30)));
        fixture.Time.Advance(TimeSpan.FromMinutes(20));

        Assert.True(await grain.IsSessionOpenAsync("s1", "stamp-1"));
        Assert.False(await grain.IsSessionOpenAsync("s2", "stamp-1"));
        Assert.False(await grain.RenewSessionAsync("s2", "stamp-1", now.AddMinutes(60)));
    }

    [Fact]
    public async Task A_password_change_whose_write_fails_leaves_the_old_account_and_sessions_and_its_retry_is_safe()
    {
        var username = NewUsername();
        var grain = Grain(username);
        await grain.CreateAsync(NewAccount(username));
        await grain.OpenSessionAsync("s1", fixture.Time.GetUtcNow().AddMinutes(15));
        var changed = NewAccount(username) with { PasswordHash = "hash-2", SecurityStamp = "stamp-2", ConcurrencyStamp = "c-2" };
        fixture.Faults.Inject(c => c.IsWrite && c.Key == StaffUsernames.Normalize(username) && c.StateName == "staff", StorageFault.FailsBeforeStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.UpdateAsync("c-1", changed));

        Assert.Equal(NewAccount(username), await grain.GetAsync());
        Assert.True(await grain.IsSessionOpenAsync("s1", "stamp-1"));
        Assert.Equal(AccountWriteOutcome.Ok, await grain.UpdateAsync("c-1", changed));
        Assert.Equal(changed, await grain.GetAsync());
        Assert.False(await grain.IsSessionOpenAsync("s1", "stamp-1"));
    }

    [Fact]
    public async Task A_change_stored_though_its_answer_was_lost_is_not_refused_as_stale_when_retried()
    {
        var username = NewUsername();
        var grain = Grain(username);
        await grain.CreateAsync(NewAccount(username));
        var changed = NewAccount(username) with { DisplayName = "新名", ConcurrencyStamp = "c-2" };
        fixture.Faults.Inject(c => c.IsWrite && c.Key == StaffUsernames.Normalize(username) && c.StateName == "staff", StorageFault.TimesOutAfterStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.UpdateAsync("c-1", changed));

        Assert.Equal(AccountWriteOutcome.Ok, await grain.UpdateAsync("c-1", changed));
        Assert.Equal(changed, await grain.GetAsync());
        Assert.True(await grain.OpenSessionAsync("s1", fixture.Time.GetUtcNow().AddMinutes(15)));
    }

    [Fact]
    public async Task An_account_whose_create_fails_is_not_there_and_its_retry_creates_it_once()
    {
        var username = NewUsername();
        var grain = Grain(username);
        fixture.Faults.Inject(c => c.IsWrite && c.Key == StaffUsernames.Normalize(username) && c.StateName == "staff", StorageFault.FailsBeforeStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.CreateAsync(NewAccount(username)));

        Assert.Null(await grain.GetAsync());
        Assert.Equal(AccountWriteOutcome.Ok, await grain.CreateAsync(NewAccount(username)));
        Assert.Single(await ListedAsync(), u => u == username);
    }

    [Fact]
    public async Task A_disable_or_sign_out_stored_though_its_notice_to_the_gateways_was_lost_sends_the_notice_when_retried()
    {
        var username = NewUsername();
        var grain = Grain(username);
        await grain.CreateAsync(NewAccount(username));
        Assert.True(await grain.OpenSessionAsync("s1", fixture.Time.GetUtcNow().AddMinutes(15)));
        var ended = new SessionsEndedRecorder();
        var registry = fixture.Client.GetGrain<IDispatchRegistryGrain>(0);
        var gateway = "gw-" + Guid.NewGuid().ToString("N");
        await registry.RegisterAsync(gateway, fixture.Client.CreateObjectReference<IDispatchObserver>(ended));
        try
        {
            // The write is stored, then the call fails before the grain tells the gateways (as a crash there would).
            var disabled = NewAccount(username) with { Disabled = true, SecurityStamp = "stamp-2", ConcurrencyStamp = "c-2" };
            fixture.Faults.Inject(c => c.IsWrite && c.Key == StaffUsernames.Normalize(username) && c.StateName == "staff", StorageFault.TimesOutAfterStoring);
            await Assert.ThrowsAnyAsync<Exception>(() => grain.UpdateAsync("c-1", disabled));
            Assert.DoesNotContain(username, ended.Usernames);

            Assert.Equal(AccountWriteOutcome.Ok, await grain.UpdateAsync("c-1", disabled));
            await Eventually.GetAsync(() => Task.FromResult(ended.Usernames.Count(u => u == username)), n => n >= 1);

            // The sign-out finds its session already gone with the disable, and still tells the gateways.
            await grain.EndSessionAsync("s1");
            await Eventually.GetAsync(() => Task.FromResult(ended.Usernames.Count(u => u == username)), n => n >= 2);
        }
        finally
        {
            await registry.UnregisterAsync(gateway);
        }
    }

    private sealed class SessionsEndedRecorder : IDispatchObserver
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Usernames { get; } = [];

        public Task OnCallAsync(Gongzhi.Realtime.CallMessage message) => Task.CompletedTask;

        public Task OnSessionsEndedAsync(string username, string? sessionId)
        {
            Usernames.Add(username);
            return Task.CompletedTask;
        }

        public Task OnCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates) => Task.CompletedTask;

        public Task OnRosterChangedAsync(RosterEntry entry) => Task.CompletedTask;

        public Task OnMetricsChangedAsync(string communityId, KpiSummary summary) => Task.CompletedTask;

        public Task OnSurgeAlertAsync(Gongzhi.Communities.SurgeAlert alert) => Task.CompletedTask;

        public Task OnInvitationAsync(Invitation invitation) => Task.CompletedTask;
    }
}
