using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdaptGate.Core.Reports;

/// <summary>What every JSON report (check and adapt) is written with, and the last touches to its text.</summary>
public static class ReportJsonOptions
{
    /// <summary>
    /// People read these reports too: keep quotes and non-ASCII column names as they are instead of
    /// \u0027 escapes. The report is data for scripts, never pasted into HTML, so relaxed escaping is safe.
    /// Every number goes through <see cref="FiniteNumberConverter"/>.
    /// </summary>
    public static JsonSerializerOptions From(JsonSerializerOptions generated) => new(generated)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new FiniteNumberConverter() },
    };

    /// <summary>
    /// A report printed to a CI log is read line by line by the runner, and Azure Pipelines takes "##vso[" anywhere in
    /// a line for a command. Outside strings JSON has no '#', so every "##" is a name's: "#\u0023" is the same text.
    /// </summary>
    public static string Finish(string json) => json.Replace("##", "#\\u0023", StringComparison.Ordinal) + "\n";
}

/// <summary>
/// The last line of defence for the report's contract: JSON has no Infinity or NaN, so a non-finite number is written
/// as null (and read back as NaN where the field is not nullable) instead of failing the whole report. The code that
/// computes a number says why it has none (a note); this only keeps an oversight from costing the report.
/// </summary>
public sealed class FiniteNumberConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
