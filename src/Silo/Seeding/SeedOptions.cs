namespace Gongzhi.Silo.Seeding;

/// <summary>Where the demo world is read from at start-up; empty means no seeding.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seeds";

    public string? Path { get; set; }

    /// <summary>The password of every demo staff account (<c>staff.json</c>) when first created; none is created without it.</summary>
    public string? DemoPassword { get; set; }
}
