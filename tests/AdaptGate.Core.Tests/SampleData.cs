using AdaptGate.Tests.Shared;

namespace AdaptGate.Core.Tests;

/// <summary>The sample data the repository ships under samples/ (real data, with its licence there).</summary>
internal static class SampleData
{
    public static string CarLoan(string fileName) => RepoRoot.Combine("samples", "car-loan", fileName);
}
