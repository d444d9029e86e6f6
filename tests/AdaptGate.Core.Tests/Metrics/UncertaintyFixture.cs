using System.Text.Json;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>Reads the SciPy answers that tests/fixtures/uncertainty/generate.py wrote.</summary>
internal static class UncertaintyFixture
{
    public static IEnumerable<JsonElement> Cases(string section)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "uncertainty", "uncertainty.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone().GetProperty(section).EnumerateArray().ToArray();
    }
}
