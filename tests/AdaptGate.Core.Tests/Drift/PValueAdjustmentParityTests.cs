using System.Text.Json;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>Multiple-testing corrections against statsmodels' multipletests (tests/fixtures/statsmodels).</summary>
public sealed class PValueAdjustmentParityTests
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "statsmodels", "multipletests.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var c in Cases.Value)
        {
            foreach (var method in new[] { "bonferroni", "holm", "fdr-bh" })
            {
                rows.Add(c.GetProperty("name").GetString()!, method);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Matches_statsmodels(string name, string method)
    {
        var c = Cases.Value.Single(x => x.GetProperty("name").GetString() == name);
        var p = c.GetProperty("p").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var expected = c.GetProperty("adjusted").GetProperty(method).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var correction = method switch
        {
            "bonferroni" => PValueCorrection.Bonferroni,
            "holm" => PValueCorrection.Holm,
            _ => PValueCorrection.FdrBh,
        };

        var actual = PValueAdjustment.Adjust(p, correction);

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = Math.Max(1e-300, Math.Abs(expected[i]) * 1e-12);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{name}/{method}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    [Fact]
    public void None_returns_the_raw_values()
    {
        Assert.Equal([0.2, 0.01, 0.7], PValueAdjustment.Adjust([0.2, 0.01, 0.7], PValueCorrection.None));
    }

    [Fact]
    public void Fixture_covers_every_case()
    {
        Assert.True(Cases.Value.Length >= 9);
    }
}
