using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Tests.Data;

namespace AdaptGate.Core.Tests.Checking;

/// <summary>
/// A check that compares nothing must not say all-clear: with no comparable feature column (every
/// column an id, a timestamp, the label or prediction, or a file read as one column) and no
/// metrics, it is an error that names both files and why each column was left out.
/// </summary>
public sealed class NoFeatureColumnTests : IDisposable
{
    private const int Rows = 100;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ids_and_timestamps_only_is_an_error_naming_both_files_and_each_reason()
    {
        var reference = Table("ref.csv", Ids(0), Times(0));
        var current = Table("cur.csv", Ids(Rows), Times(Rows));

        var error = Assert.Throws<InputException>(() => CheckRunner.Compare(Request, new GatePolicy(), reference, current));

        Assert.Contains("ref.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("cur.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("'order_id': identifier-like", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ts': datetime", error.Message, StringComparison.Ordinal);
        Assert.Contains("--delimiter", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_ignored_columns_and_one_sided_columns_are_named_with_their_reason()
    {
        var reference = Table("ref.csv", Ids(0), Numbers("label", i => i % 2), Numbers("note", i => i % 5), Numbers("old", i => i % 3));
        var current = Table("cur.csv", Ids(Rows), Numbers("label", i => i % 2), Numbers("note", i => i % 5), Numbers("new", i => i % 3));
        var request = Request with { LabelColumn = "label", IgnoredColumns = ["note"] };

        var error = Assert.Throws<InputException>(() => CheckRunner.Compare(request, new GatePolicy(), reference, current));

        Assert.Contains("'label': the label column", error.Message, StringComparison.Ordinal);
        Assert.Contains("'note': ignored on request", error.Message, StringComparison.Ordinal);
        Assert.Contains("'old': only in the reference file ref.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("'new': only in the current file cur.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_semicolon_file_read_with_a_comma_is_an_error_not_a_skip()
    {
        var rows = string.Concat(Enumerable.Range(0, Rows).Select(i => $"{i * 0.37:R};{(char)('a' + (i % 3))};{i % 2 == 0}\n"));
        var reference = _dir.Write("reference.csv", "num;cat;flag\n" + rows);
        var current = _dir.Write("current.csv", "num;cat;flag\n" + rows.Replace("a;", "b;", StringComparison.Ordinal));

        var error = Assert.Throws<InputException>(() => CheckRunner.Run(new CheckRequest { ReferencePath = reference, CurrentPath = current, Delimiter = ',', RecordHistory = false, HistoryPath = Path.Combine(_dir.Path, "h.jsonl") }));

        Assert.Contains("'num;cat;flag': identifier-like", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_semicolon_file_with_the_sniffed_delimiter_is_compared()
    {
        var rows = string.Concat(Enumerable.Range(0, Rows).Select(i => $"{i * 0.37:R};{(char)('a' + (i % 3))};{(i % 2 == 0 ? "true" : "false")}\n"));
        var reference = _dir.Write("reference.csv", "num;cat;flag\n" + rows);
        var current = _dir.Write("current.csv", "num;cat;flag\n" + rows);

        var report = CheckRunner.Run(new CheckRequest { ReferencePath = reference, CurrentPath = current, RecordHistory = false, HistoryPath = Path.Combine(_dir.Path, "h.jsonl") });

        Assert.Equal(3, report.Drift.ComparedColumns);
        Assert.Equal(2, report.Warnings.Count(w => w.Contains("';' splits each of the first lines", StringComparison.Ordinal)));
    }

    [Fact]
    public void With_metrics_the_check_goes_on_and_says_drift_was_not_measured()
    {
        var reference = Table("ref.csv", Ids(0), Numbers("label", i => i % 2), Numbers("pred", i => i % 2));
        var current = Table("cur.csv", Ids(Rows), Numbers("label", i => i % 2), Numbers("pred", i => (i + 1) % 3 == 0 ? 1 - (i % 2) : i % 2));
        var request = Request with { LabelColumn = "label", PredictionColumn = "pred" };

        var report = CheckRunner.Compare(request, new GatePolicy(), reference, current);

        Assert.NotNull(report.Metrics);
        Assert.Contains(report.Warnings, w => w.StartsWith("No feature column can be compared for drift, so only the metrics decide", StringComparison.Ordinal));
    }

    private static readonly CheckRequest Request = new() { ReferencePath = "ref.csv", CurrentPath = "cur.csv" };

    private static DataTable Table(string path, params DataColumn[] columns) => new(path, columns, columns[0].Length);

    private static NumericColumn Ids(int from) => new("order_id", [.. Enumerable.Range(from, Rows).Select(i => (double)i)]);

    private static NumericColumn Times(int from) => new("ts", [.. Enumerable.Range(from, Rows).Select(i => 1.6e9 + (i * 3600.0))], ColumnKind.Datetime);

    private static NumericColumn Numbers(string name, Func<int, double> value) => new(name, [.. Enumerable.Range(0, Rows).Select(value)]);
}
