namespace Gongzhi.Silo.Grains;

/// <summary>How case deadlines are turned into reminders.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>The reminder's period: it ticks again this often if a tick was missed. Orleans' production minimum is 1 minute.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest the first tick is put off; tests with a fake clock set it to seconds so the reminder checks often.</summary>
    public TimeSpan MaxReminderDelay { get; set; } = TimeSpan.FromDays(30);
}
