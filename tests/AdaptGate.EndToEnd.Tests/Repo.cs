using AdaptGate.Tests.Shared;

namespace AdaptGate.EndToEnd.Tests;

/// <summary>The repository these tests pack from, found above the test assembly.</summary>
internal static class Repo
{
    public static string Root => RepoRoot.Path;

    public static string Path(params string[] parts) => RepoRoot.Combine(parts);
}
