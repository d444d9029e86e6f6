using System.Globalization;
using System.Text;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Tests.Data;
using Parquet;
using Parquet.Schema;

namespace AdaptGate.Core.Tests.Checking;

/// <summary>
/// The same data gives the same verdict as CSV or Parquet, and a column that is not compared (a
/// timestamp, an identifier) never makes a schema change; nested Parquet columns are reported,
/// and removing one is a schema change.
/// </summary>
public sealed class FormatParityTests : IDisposable
{
    private const int Rows = 200;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Parquet_with_text_timestamps_gives_the_csv_verdict()
    {
        var csvReference = _dir.Write("reference.csv", Csv(shift: 0));
        var csvCurrent = _dir.Write("current.csv", Csv(shift: 0.05));
        var parquetReference = await ParquetAsync("reference.parquet", shift: 0);

        var csvOnly = Check(csvReference, csvCurrent);
        var mixed = Check(parquetReference, csvCurrent);

        Assert.Equal(csvOnly.Verdict, mixed.Verdict);
        Assert.Equal(Verdict.Skip, mixed.Verdict);
        Assert.DoesNotContain(mixed.Reasons, r => r.Rule == "schema-change");
        Assert.Empty(mixed.Schema.KindMismatches);
        Assert.Contains(mixed.Schema.Excluded, e => e.Name == "timestamp" && e.Reason.StartsWith("datetime", StringComparison.Ordinal));
        Assert.Equal(csvOnly.Drift.Columns.Select(c => (c.Name, c.Kind, c.Score)), mixed.Drift.Columns.Select(c => (c.Name, c.Kind, c.Score)));
    }

    [Fact]
    public void A_timestamp_that_changed_kind_is_no_schema_change()
    {
        var reference = Table("ref.parquet", Feature(0), new CategoricalColumn("timestamp", [.. Enumerable.Range(0, Rows)], [.. Enumerable.Range(0, Rows).Select(i => $"t{i}")]));
        var current = Table("cur.csv", Feature(0), new NumericColumn("timestamp", [.. Enumerable.Range(0, Rows).Select(i => 1e9 + i)], ColumnKind.Datetime));

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, current);

        Assert.Single(report.Schema.KindMismatches); // still reported, as information
        Assert.DoesNotContain(report.Reasons, r => r.Rule == "schema-change");
        Assert.Equal(Verdict.Skip, report.Verdict);
    }

    [Fact]
    public void An_identifier_that_changed_kind_is_excluded_not_a_schema_change()
    {
        var reference = Table("ref.csv", Feature(0), new NumericColumn("order_id", [.. Enumerable.Range(0, Rows).Select(i => (double)i)]));
        var current = Table("cur.csv", Feature(0), new CategoricalColumn("order_id", [.. Enumerable.Range(0, Rows)], [.. Enumerable.Range(0, Rows).Select(i => $"A{i}")]));

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, current);

        Assert.Contains(report.Schema.Excluded, e => e.Name == "order_id" && e.Reason.StartsWith("identifier-like", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Drift.Columns, c => c.Name == "order_id");
        Assert.DoesNotContain(report.Reasons, r => r.Rule == "schema-change");
    }

    [Fact]
    public void A_timestamp_or_identifier_gone_from_the_current_file_is_no_schema_change()
    {
        var reference = Table(
            "ref.csv",
            Feature(0),
            new NumericColumn("row", [.. Enumerable.Range(0, Rows).Select(i => (double)i)]),
            new NumericColumn("timestamp", [.. Enumerable.Range(0, Rows).Select(i => 1e9 + i)], ColumnKind.Datetime));
        var current = Table("cur.csv", Feature(0));

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, current);

        Assert.Equal(["row", "timestamp"], report.Schema.OnlyInReference);
        Assert.DoesNotContain(report.Reasons, r => r.Rule == "schema-change");
    }

    [Fact]
    public void A_feature_gone_from_the_current_file_is_still_a_schema_change()
    {
        var reference = Table("ref.csv", Feature(0), new NumericColumn("y", [.. Enumerable.Range(0, Rows).Select(i => (double)(i % 9))]));
        var current = Table("cur.csv", Feature(0));

        var report = CheckRunner.Compare(Request, new GatePolicy(), reference, current);

        Assert.Contains(report.Reasons, r => r.Rule == "schema-change");
        Assert.Equal(Verdict.Retrain, report.Verdict);
    }

    [Fact]
    public async Task Nested_parquet_columns_are_reported_as_excluded()
    {
        var reference = await NestedAsync("reference.parquet", withTags: true);
        var current = await NestedAsync("current.parquet", withTags: true);

        var report = Check(reference, current);

        var tags = Assert.Single(report.Schema.Excluded, e => e.Name == "tags");
        Assert.Contains("nested or repeated", tags.Reason, StringComparison.Ordinal);
        Assert.Empty(report.Schema.OnlyInReference);
        Assert.DoesNotContain(report.Reasons, r => r.Rule == "schema-change");
    }

    [Fact]
    public async Task A_nested_parquet_column_removed_from_the_current_file_is_a_schema_change()
    {
        var reference = await NestedAsync("reference.parquet", withTags: true);
        var current = await NestedAsync("current.parquet", withTags: false);

        var report = Check(reference, current);

        Assert.Equal(["tags"], report.Schema.OnlyInReference);
        var reason = Assert.Single(report.Reasons, r => r.Rule == "schema-change");
        Assert.Contains("tags", reason.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Retrain, report.Verdict);
    }

    private static readonly CheckRequest Request = new() { ReferencePath = "ref", CurrentPath = "cur" };

    private static CheckReport Check(string reference, string current) =>
        CheckRunner.Run(new CheckRequest { ReferencePath = reference, CurrentPath = current, RecordHistory = false, HistoryPath = Path.Combine(Path.GetDirectoryName(reference)!, "none.jsonl") });

    private static DataTable Table(string path, params DataColumn[] columns) => new(path, columns, columns[0].Length);

    private static NumericColumn Feature(double shift) => new("x", [.. Enumerable.Range(0, Rows).Select(i => X(i, shift))]);

    private static double X(int i, double shift) => (i * 37 % 101 / 10.0) + shift;

    private static string Time(int i) => DateTime.UnixEpoch.AddDays(17000 + i).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Csv(double shift)
    {
        var text = new StringBuilder("timestamp,x,colour\n");
        for (var i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Time(i)},{X(i, shift).ToString("R", CultureInfo.InvariantCulture)},{(i % 3 == 0 ? "red" : "blue")}\n");
        }

        return text.ToString();
    }

    private async Task<string> ParquetAsync(string name, double shift)
    {
        var schema = new ParquetSchema(new DataField<string>("timestamp"), new DataField<double>("x"), new DataField<string>("colour"));
        return await WriteAsync(name, schema, async group =>
        {
            var f = schema.DataFields;
            await group.WriteAsync(f[0], Enumerable.Range(0, Rows).Select(Time).ToArray());
            await group.WriteAsync<double>(f[1], Enumerable.Range(0, Rows).Select(i => X(i, shift)).ToArray());
            await group.WriteAsync(f[2], Enumerable.Range(0, Rows).Select(i => i % 3 == 0 ? "red" : "blue").ToArray());
        });
    }

    private async Task<string> NestedAsync(string name, bool withTags)
    {
        var x = new DataField<double>("x");
        var element = new DataField<int>("element");
        var schema = withTags ? new ParquetSchema(x, new ListField("tags", element)) : new ParquetSchema(x);
        return await WriteAsync(name, schema, async group =>
        {
            await group.WriteAsync<double>(x, Enumerable.Range(0, Rows).Select(i => X(i, 0)).ToArray());
            if (withTags)
            {
                await group.WriteAsync<int>(schema.DataFields[1], Enumerable.Range(0, Rows).Select(i => (int?)(i % 4)).ToArray(), new int[Rows]);
            }
        });
    }

    private async Task<string> WriteAsync(string name, ParquetSchema schema, Func<ParquetRowGroupWriter, Task> writeColumns)
    {
        var path = Path.Combine(_dir.Path, name);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        await writeColumns(group);
        return path;
    }
}
