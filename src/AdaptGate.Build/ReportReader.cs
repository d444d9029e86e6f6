using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace AdaptGate.Build;

/// <summary>Reads the fields the build needs from a report written by <c>adaptgate check --format json</c>.</summary>
internal static class ReportReader
{
    public static ReportSummary ReadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportFormatException($"Cannot read the report: {e.Message}", e);
        }

        return Read(json);
    }

    public static ReportSummary Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ReportFormatException("The report is not a JSON object.");
            }

            var verdict = RequiredString(root, "verdict");
            if (!Verdicts.IsKnown(verdict))
            {
                throw new ReportFormatException($"Unknown verdict '{verdict}' (expected skip, fine-tune or retrain).");
            }

            var drift = Required(root, "drift", JsonValueKind.Object);
            return new ReportSummary(
                verdict,
                Required(drift, "share", JsonValueKind.Number).GetDouble(),
                ReadReasons(root),
                ReadWarnings(root),
                ReadDriftedColumns(drift),
                root.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object ? OptionalString(inputs, "current") : null);
        }
        catch (JsonException e)
        {
            throw new ReportFormatException($"The report is not valid JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // JsonElement's getters throw this on a value of the wrong kind.
            throw new ReportFormatException($"The report has a value of the wrong kind: {e.Message}", e);
        }
    }

    private static List<FiredRule> ReadReasons(JsonElement root)
    {
        var reasons = new List<FiredRule>();
        foreach (var reason in Required(root, "reasons", JsonValueKind.Array).EnumerateArray())
        {
            reasons.Add(new FiredRule(
                RequiredString(reason, "rule"),
                RequiredString(reason, "verdict"),
                OptionalString(reason, "message") ?? string.Empty,
                OptionalNumber(reason, "value"),
                OptionalNumber(reason, "threshold"),
                OptionalNumber(reason, "margin")));
        }

        return reasons;
    }

    private static List<string> ReadWarnings(JsonElement root)
    {
        var warnings = new List<string>();
        if (root.TryGetProperty("warnings", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var warning in array.EnumerateArray())
            {
                if (warning.ValueKind == JsonValueKind.String)
                {
                    warnings.Add(warning.GetString()!);
                }
            }
        }

        return warnings;
    }

    private static List<DriftedColumn> ReadDriftedColumns(JsonElement drift)
    {
        var columns = new List<DriftedColumn>();
        foreach (var column in Required(drift, "columns", JsonValueKind.Array).EnumerateArray())
        {
            if (!column.TryGetProperty("drifted", out var drifted) || drifted.ValueKind != JsonValueKind.True)
            {
                continue;
            }

            columns.Add(new DriftedColumn(
                RequiredString(column, "name"),
                OptionalString(column, "kind") ?? string.Empty,
                OptionalString(column, "method") ?? string.Empty,
                OptionalNumber(column, "score"),
                OptionalNumber(column, "pValue"),
                Required(column, "threshold", JsonValueKind.Number).GetDouble()));
        }

        return columns;
    }

    private static JsonElement Required(JsonElement parent, string name, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != kind)
        {
            throw new ReportFormatException($"The report has no '{name}' {Describe(kind)}.");
        }

        return value;
    }

    private static string RequiredString(JsonElement parent, string name) => Required(parent, name, JsonValueKind.String).GetString()!;

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? OptionalNumber(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.Number => "number",
        _ => "string",
    };
}
