namespace AdaptGate.Core.Tests;

/// <summary>The sample data the repository ships under samples/ (real data, with its licence there).</summary>
internal static class SampleData
{
    public static string CarLoan(string fileName) => Path.Combine(RepoRoot, "samples", "car-loan", fileName);

    public static string RepoRoot { get; } = FindRoot();

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
