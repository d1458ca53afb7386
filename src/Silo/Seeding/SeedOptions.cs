namespace Gongzhi.Silo.Seeding;

/// <summary>Where the demo world is read from at start-up; empty means no seeding.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seeds";

    public string? Path { get; set; }
}
