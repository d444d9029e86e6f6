using System.Text.Json;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>Reads the scikit-learn answers that tests/fixtures/sklearn/generate.py wrote.</summary>
internal static class SklearnFixture
{
    public static JsonElement Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "sklearn", fileName);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    }

    public static IEnumerable<JsonElement> Cases(string fileName, string section) =>
        Load(fileName).GetProperty(section).EnumerateArray();

    public static JsonElement Case(string fileName, string section, string name) =>
        Cases(fileName, section).Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> CaseNames(string fileName, string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases(fileName, section))
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static bool[] Bools(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32() == 1).ToArray();
}
