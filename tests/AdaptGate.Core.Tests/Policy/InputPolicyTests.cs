using AdaptGate.Core.Checking;
using AdaptGate.Core.Tests.Data;

namespace AdaptGate.Core.Tests.Policy;

/// <summary>The policy's input section: read strictly, and applied to both files unless the command line says otherwise.</summary>
public sealed class InputPolicyTests : IDisposable
{
    private const string Adult = "39, State-gov, 77516\n50, ?, 83311\n38, Private, 215646\n53, Private, 234721\n28, State-gov, 338409\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_input_section_is_read()
    {
        var policy = PolicyParse.Of("{ \"input\": { \"header\": false, \"columnNames\": [\"age\", \"workclass\"], \"naValues\": [\"?\"] } }");

        Assert.False(policy.Input.Header);
        Assert.Equal(["age", "workclass"], policy.Input.ColumnNames);
        Assert.Equal(["?"], policy.Input.NaValues);
    }

    [Fact]
    public void Defaults_read_the_header_and_add_no_tokens()
    {
        var policy = PolicyParse.Of("{}");

        Assert.True(policy.Input.Header);
        Assert.Empty(policy.Input.ColumnNames);
        Assert.Empty(policy.Input.NaValues);
    }

    [Fact]
    public void A_column_named_twice_is_refused_with_its_path()
    {
        var (error, text) = PolicyParse.Error("{\n \"input\": {\n  \"columnNames\": [\"a\", \"b\", \"a\"]\n }\n}");

        Assert.Equal(3, error.Line);
        Assert.Contains("$.input.columnNames[2]", text, StringComparison.Ordinal);
        Assert.Contains("named twice", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_missing_value_token_is_refused()
    {
        var (_, text) = PolicyParse.Error("{ \"input\": { \"naValues\": [\" \"] } }");

        Assert.Contains("$.input.naValues[0]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_input_key_is_refused()
    {
        var (_, text) = PolicyParse.Error("{ \"input\": { \"headers\": false } }");

        Assert.Contains("Unknown key 'headers'", text, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'header'?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_reads_both_files_as_the_policy_says()
    {
        var reference = _dir.Write("reference.csv", Adult);
        var current = _dir.Write("current.csv", Adult);
        var policy = _dir.Write("adaptgate.json", "{ \"input\": { \"header\": false, \"columnNames\": [\"age\", \"workclass\", \"fnlwgt\"], \"naValues\": [\"?\"] } }");

        var report = CheckRunner.Run(new CheckRequest { ReferencePath = reference, CurrentPath = current, PolicyPath = policy, RecordHistory = false, HistoryPath = Path.Combine(_dir.Path, "h.jsonl") });

        Assert.Equal(5, report.Rows.Reference);
        Assert.Equal(["age", "workclass", "fnlwgt"], report.Schema.Missing.Select(m => m.Name));
        Assert.Equal(0.2, report.Schema.Missing.Single(m => m.Name == "workclass").Reference);
        Assert.Empty(report.Schema.OnlyInReference);
    }

    [Fact]
    public void The_request_overrides_the_policy_s_names_and_adds_to_its_tokens()
    {
        var reference = _dir.Write("reference.csv", Adult);
        var current = _dir.Write("current.csv", Adult);
        var policy = _dir.Write("adaptgate.json", "{ \"input\": { \"header\": false, \"columnNames\": [\"a\", \"b\", \"c\"], \"naValues\": [\"?\"] } }");

        var report = CheckRunner.Run(new CheckRequest
        {
            ReferencePath = reference,
            CurrentPath = current,
            PolicyPath = policy,
            ColumnNames = ["age", "workclass", "fnlwgt"],
            NaValues = ["Private"],
            RecordHistory = false,
            HistoryPath = Path.Combine(_dir.Path, "h.jsonl"),
        });

        Assert.Equal(["age", "workclass", "fnlwgt"], report.Schema.Missing.Select(m => m.Name));
        Assert.Equal(0.6, report.Schema.Missing.Single(m => m.Name == "workclass").Reference, 10);
    }
}
