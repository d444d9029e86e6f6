using System.Globalization;
using System.Text;

namespace AdaptGate.ClickHouse.Tests;

/// <summary>One column of test data: its ClickHouse type and its cells (double? for numbers, string? for text; null is missing).</summary>
public sealed record ClusterColumn(string Name, string Type, IReadOnlyList<object?> Cells)
{
    public bool IsText => Type.Contains("String", StringComparison.Ordinal);

    public bool IsNullable => Type.StartsWith("Nullable(", StringComparison.Ordinal);
}

/// <summary>
/// Test data shaped like the benchmark's (build/bench/make_data.py: normal, log-normal, uniform and count columns, and
/// categories), seeded, with missing cells; loaded into ClickHouse in RowBinary (ClickHouse 18's text parser rounds some
/// doubles to a neighbour, which would make "the same data" differ by an ulp) and written as CSV for the file path.
/// </summary>
public sealed class ClusterTable
{
    public ClusterTable(string name, IReadOnlyList<ClusterColumn> columns)
    {
        Name = name;
        Columns = columns;
        Rows = columns[0].Cells.Count;
    }

    public string Name { get; }

    public IReadOnlyList<ClusterColumn> Columns { get; }

    public int Rows { get; }

    /// <summary>Rows shaped like the benchmark's; <paramref name="shift"/> moves n00's mean by that many standard deviations and reverses c0's weights when non-zero.</summary>
    public static ClusterTable BenchmarkShaped(string name, int rows, int seed, double shift = 0)
    {
        var random = new Random(seed);
        var n00 = new object?[rows];
        var n01 = new object?[rows];
        var n02 = new object?[rows];
        var n03 = new object?[rows];
        var c0 = new object?[rows];
        var c1 = new object?[rows];
        for (var i = 0; i < rows; i++)
        {
            n00[i] = random.NextDouble() < 0.02 ? null : Math.Round(50 + (10 * (shift + Normal(random))), 4);
            n01[i] = Math.Round(Math.Exp(1 + (0.5 * Normal(random))), 4);
            n02[i] = random.NextDouble();
            n03[i] = (double)Poisson(random, 4);
            var level = Weighted(random, 8);
            c0[i] = random.NextDouble() < 0.03 ? null : "level_0_" + (shift == 0 ? level : 7 - level).ToString(CultureInfo.InvariantCulture);
            c1[i] = "level_1_" + Weighted(random, 12).ToString(CultureInfo.InvariantCulture);
        }

        return new ClusterTable(name,
        [
            new("n00", "Nullable(Float64)", n00),
            new("n01", "Float64", n01),
            new("n02", "Float64", n02),
            new("n03", "Int64", n03),
            new("c0", "Nullable(String)", c0),
            new("c1", "String", c1),
        ]);
    }

    /// <summary>The shard (0 or 1) a row goes to: two rows in five to the second, so the shards hold unequal parts.</summary>
    public static int ShardOf(int row) => row % 5 < 2 ? 1 : 0;

    public string CreateSql(string table, string engine) =>
        $"CREATE TABLE {table} ({string.Join(", ", Columns.Select(c => $"`{c.Name}` {c.Type}"))}) ENGINE = {engine}";

    /// <summary>The rows of one shard in ClickHouse's RowBinary input format.</summary>
    public byte[] RowBinary(int shard)
    {
        using var bytes = new MemoryStream();
        using var writer = new BinaryWriter(bytes, Encoding.UTF8);
        for (var row = 0; row < Rows; row++)
        {
            if (ShardOf(row) != shard)
            {
                continue;
            }

            foreach (var column in Columns)
            {
                var cell = column.Cells[row];
                if (column.IsNullable)
                {
                    writer.Write((byte)(cell is null ? 1 : 0));
                    if (cell is null)
                    {
                        continue;
                    }
                }

                switch (column.Type.Replace("Nullable(", string.Empty, StringComparison.Ordinal).TrimEnd(')'))
                {
                    case "Float64":
                        writer.Write((double)cell!);
                        break;
                    case "Int64":
                        writer.Write((long)(double)cell!);
                        break;
                    case "String":
                        var utf8 = Encoding.UTF8.GetBytes((string)cell!);
                        writer.Write7BitEncodedInt(utf8.Length);
                        writer.Write(utf8);
                        break;
                    default:
                        throw new InvalidOperationException($"No RowBinary writer for {column.Type}.");
                }
            }
        }

        writer.Flush();
        return bytes.ToArray();
    }

    /// <summary>The same rows as a CSV file (missing cells empty), as the file path reads them.</summary>
    public void WriteCsv(string path)
    {
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
        file.Write(string.Join(',', Columns.Select(c => c.Name)) + "\n");
        for (var row = 0; row < Rows; row++)
        {
            file.Write(string.Join(',', Columns.Select(c => c.Cells[row] switch
            {
                null => string.Empty,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                var s => (string)s,
            })) + "\n");
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }

    // Levels 0..n-1 with weights rising from 1 to 2, as make_data.py draws them.
    private static int Weighted(Random random, int levels)
    {
        var weights = Enumerable.Range(0, levels).Select(k => 1 + ((double)k / (levels - 1))).ToArray();
        var u = random.NextDouble() * weights.Sum();
        for (var k = 0; k < levels; k++)
        {
            if ((u -= weights[k]) < 0)
            {
                return k;
            }
        }

        return levels - 1;
    }
}
