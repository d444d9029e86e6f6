namespace AdaptGate.Core.Tests.Metrics;

/// <summary>The real data sets in shared/data, which sits next to the repository (in CI too).</summary>
internal static class SharedData
{
    public static string CarLoan(string fileName) =>
        Path.Combine(RepoRoot(), "..", "shared", "data", "nannyml-car-loan", fileName);

    private static string RepoRoot()
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
