namespace Gongzhi.Testing;

/// <summary>Finds the repository from a test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongzhi.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gongzhi.slnx not found above " + AppContext.BaseDirectory);
    }
}
