using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Policy;

/// <summary>Every kind of bad policy names the file, the line, the JSON path, and what to write instead.</summary>
public sealed class PolicyLoaderErrorTests
{
    [Fact]
    public void Unknown_key_names_line_and_path_and_suggests_the_closest_key()
    {
        const string json = """
            {
              "$schema": "./.adaptgate/adaptgate.schema.json",
              "seed": 1,
              "drift": {
                // a stricter test than the default
                "method": "ks",
                "thresholdz": { "ks": 0.01 },
              },
            }
            """;

        var (error, text) = PolicyParse.Error(json);

        Assert.Equal(7, error.Line);
        Assert.Equal(PolicyParse.File, error.FilePath);
        Assert.StartsWith("adaptgate.json:7: Unknown key 'thresholdz' at $.drift.thresholdz.", text, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'thresholds'?", text, StringComparison.Ordinal);
        Assert.Contains("The keys at $.drift are: method, thresholds, correction.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_at_the_root_lists_schema_too()
    {
        var (error, text) = PolicyParse.Error("{\n  \"sede\": 3\n}");

        Assert.Equal(2, error.Line);
        Assert.Contains("Unknown key 'sede' at $.sede.", text, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'seed'?", text, StringComparison.Ordinal);
        Assert.Contains("$schema, seed, drift, ignore, columns, target, metrics, domainClassifier, rules, decision, history", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_inside_a_column_names_the_column_path()
    {
        var (error, text) = PolicyParse.Error("{\n \"columns\": {\n  \"car value\": {\n   \"treshold\": 0.2\n  }\n }\n}");

        Assert.Equal(4, error.Line);
        Assert.Contains("Unknown key 'treshold' at $.columns['car value'].treshold.", text, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'threshold'?", text, StringComparison.Ordinal);
        Assert.Contains("ignore, kind, method, threshold, weight", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_case_sensitive_and_the_suggestion_says_how_to_write_it()
    {
        var (error, text) = PolicyParse.Error("{\"rules\": {\"MetricDrop\": {}}}");

        Assert.Equal(1, error.Line);
        Assert.Contains("Unknown key 'MetricDrop' at $.rules.MetricDrop.", text, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'metricDrop'?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_suggestion_when_nothing_is_close()
    {
        var (_, text) = PolicyParse.Error("{\"drift\": {\"colour\": 1}}");

        Assert.DoesNotContain("Did you mean", text, StringComparison.Ordinal);
        Assert.Contains("The keys at $.drift are:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void String_where_a_number_is_expected()
    {
        const string json = "{\n  \"rules\": {\n    \"metricDrop\": {\n      \"absoluteDrop\": \"0.05\"\n    }\n  }\n}";

        var (error, text) = PolicyParse.Error(json);

        Assert.Equal(4, error.Line);
        Assert.Equal(
            "adaptgate.json:4: The value at $.rules.metricDrop.absoluteDrop must be a number, not the string \"0.05\". The default is 0.015.",
            text);
    }

    [Fact]
    public void Fraction_where_a_whole_number_is_expected()
    {
        var (error, text) = PolicyParse.Error("{\n\"seed\": 1.5\n}");

        Assert.Equal(2, error.Line);
        Assert.Contains("The value at $.seed must be a whole number, not the number 1.5.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_where_the_model_has_no_null()
    {
        var (error, text) = PolicyParse.Error("{\n\n\"drift\": null\n}");

        Assert.Equal(3, error.Line);
        Assert.Contains("The value at $.drift must be an object ({ ... }), not null.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_inside_a_list()
    {
        var (error, text) = PolicyParse.Error("{\n\"ignore\": [\"id\",\n 3]\n}");

        Assert.Equal(3, error.Line);
        Assert.Contains("The value at $.ignore[1] must be a string in double quotes, not the number 3.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_where_a_flag_is_expected()
    {
        var (_, text) = PolicyParse.Error("{\"rules\": {\"schemaChange\": {\"enabled\": {}}}}");

        Assert.Contains("The value at $.rules.schemaChange.enabled must be true or false, not an object. The default is true.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n\"drift\": {\"method\": \"kss\"}}", "Unknown value 'kss' at $.drift.method.", "Did you mean 'ks'? Valid values: auto, ks, chisquare, psi, wasserstein, jensenshannon.")]
    [InlineData("{\n\"drift\": {\"correction\": \"bh\"}}", "Unknown value 'bh' at $.drift.correction.", "Valid values: none, bonferroni, holm, fdr-bh.")]
    [InlineData("{\n\"columns\": {\"age\": {\"kind\": \"number\"}}}", "Unknown value 'number' at $.columns.age.kind.", "Valid values: numeric, boolean, categorical, datetime, or null.")]
    [InlineData("{\n\"columns\": {\"age\": {\"method\": \"KS\"}}}", "Unknown value 'KS' at $.columns.age.method.", "Did you mean 'ks'?")]
    public void Unknown_enum_value_lists_the_valid_ones(string json, string message, string hint)
    {
        var (error, text) = PolicyParse.Error(json);

        Assert.Equal(2, error.Line);
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.Contains(hint, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_syntax_names_the_line()
    {
        var (error, text) = PolicyParse.Error("{\n  \"seed\": 1\n  \"drift\": {}\n}");

        Assert.Equal(3, error.Line);
        Assert.StartsWith("adaptgate.json:3: The policy file is not valid JSON (in $.seed, at character 3 of the line):", text, StringComparison.Ordinal);
        Assert.Contains("trailing commas are allowed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_object_is_a_syntax_error()
    {
        var (error, text) = PolicyParse.Error("{\n  \"drift\": {\n    \"method\": \"ks\"\n");

        Assert.Equal(4, error.Line);
        Assert.Contains("not valid JSON (in $.drift.method", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_names_both_lines()
    {
        var (error, text) = PolicyParse.Error("{\n \"drift\": {\n  \"method\": \"ks\",\n  \"method\": \"psi\"\n }\n}");

        Assert.Equal(4, error.Line);
        Assert.Contains("The key at $.drift.method appears twice (first on line 3).", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Empty_file(string json)
    {
        var (error, text) = PolicyParse.Error(json);

        Assert.Equal(1, error.Line);
        Assert.Contains("The policy file is empty.", text, StringComparison.Ordinal);
        Assert.Contains("adaptgate init", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "a list")]
    [InlineData("3", "the number 3")]
    [InlineData("null", "null")]
    public void The_root_must_be_an_object(string json, string found)
    {
        var (_, text) = PolicyParse.Error(json);

        Assert.Contains($"The policy must be a JSON object ({{ ... }}) at $, not {found}.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "adaptgate-no-such-policy", "adaptgate.json");

        var error = Assert.Throws<InputException>(() => PolicyLoader.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("adaptgate init", error.Hint, StringComparison.Ordinal);
    }
}
