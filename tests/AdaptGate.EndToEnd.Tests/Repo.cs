namespace AdaptGate.EndToEnd.Tests;

/// <summary>The repository these tests pack from, found above the test assembly.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AdaptGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AdaptGate.sln not found above " + AppContext.BaseDirectory);
    }
}
