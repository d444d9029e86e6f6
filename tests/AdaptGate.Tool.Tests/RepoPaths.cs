using AdaptGate.Tests.Shared;

namespace AdaptGate.Tool.Tests;

/// <summary>Finds files the repository ships (samples), wherever the test runs from.</summary>
internal static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    public static string Sample(string name) => Path.Combine(Root, "samples", "car-loan", name);
}
