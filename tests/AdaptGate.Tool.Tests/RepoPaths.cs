namespace AdaptGate.Tool.Tests;

/// <summary>Finds files the repository ships (samples), wherever the test runs from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "samples", "car-loan", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdaptGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AdaptGate.sln not found above " + AppContext.BaseDirectory);
    }
}
