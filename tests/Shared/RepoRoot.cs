namespace AdaptGate.Tests.Shared;

/// <summary>
/// The repository the tests run from, found above the test assembly: samples, docs and projects are
/// read from there. Linked into every test project (tests/Directory.Build.props).
/// </summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
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
