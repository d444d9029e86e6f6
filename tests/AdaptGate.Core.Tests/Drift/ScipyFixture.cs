using System.Text.Json;

namespace AdaptGate.Core.Tests.Drift;

/// <summary>
/// Loads one SciPy parity fixture (tests/fixtures/scipy/*.json, written by generate.py and
/// copied next to the test assembly) and indexes its cases by name for [Theory] rows.
/// </summary>
internal sealed class ScipyFixture
{
    private readonly Dictionary<string, JsonElement> _cases;

    private ScipyFixture(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "scipy", fileName);
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        _cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonElement c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            _cases.Add(c.GetProperty("name").GetString()!, c.Clone());
        }
    }

    public static readonly Lazy<ScipyFixture> KsTwoSample = new(() => new ScipyFixture("ks_2samp.json"));
    public static readonly Lazy<ScipyFixture> NumericMethods = new(() => new ScipyFixture("numeric_methods.json"));
    public static readonly Lazy<ScipyFixture> CategoricalMethods = new(() => new ScipyFixture("categorical_methods.json"));
    public static readonly Lazy<ScipyFixture> KolmogorovSf = new(() => new ScipyFixture("kstwo_sf.json"));
    public static readonly Lazy<ScipyFixture> ChiSquaredSf = new(() => new ScipyFixture("chi2_sf.json"));

    public int Count => _cases.Count;

    public JsonElement this[string name] => _cases[name];

    public TheoryData<string> Names() => Names(_ => true);

    /// <summary>The cases a test has something to assert on, so no row passes by returning early.</summary>
    public TheoryData<string> Names(Func<JsonElement, bool> where)
    {
        var data = new TheoryData<string>();
        foreach (var (name, c) in _cases)
        {
            if (where(c))
            {
                data.Add(name);
            }
        }

        return data;
    }

    /// <summary>A stored data column: numbers, with null for a missing value (read as NaN).</summary>
    public static double[] Values(JsonElement array)
    {
        var values = new double[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement v in array.EnumerateArray())
        {
            values[i++] = v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble();
        }

        return values;
    }
}
