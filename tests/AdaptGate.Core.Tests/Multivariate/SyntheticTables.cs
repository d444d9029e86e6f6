using AdaptGate.Core.Data;

namespace AdaptGate.Core.Tests.Multivariate;

/// <summary>Tables for the domain classifier tests: seeded normal columns, and row subsets of loaded files.</summary>
internal static class SyntheticTables
{
    /// <summary>Standard normal draws (Box–Muller) from a seeded generator, so every test run sees the same data.</summary>
    public static double[] Normal(Random random, int n, double mean = 0, double sd = 1)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u = 1 - random.NextDouble();
            values[i] = mean + (sd * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return values;
    }

    /// <summary>Categories drawn with the given weights, encoded in first-seen order (so two tables get different dictionaries).</summary>
    public static CategoricalColumn Categories(string name, Random random, int n, string[] categories, double[] weights)
    {
        var drawn = new string?[n];
        var total = weights.Sum();
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble() * total;
            var k = 0;
            while (k < weights.Length - 1 && u >= weights[k])
            {
                u -= weights[k];
                k++;
            }

            drawn[i] = categories[k];
        }

        return Metrics.TestTables.Text(name, drawn);
    }

    public static DataTable Of(params DataColumn[] columns) => new("synthetic.csv", columns, columns[0].Length);

    /// <summary>The given rows of every column of a loaded table, keeping each column's dictionary.</summary>
    public static DataTable Rows(DataTable table, int[] rows)
    {
        var columns = table.Columns.Select(column => column switch
        {
            NumericColumn n => (DataColumn)new NumericColumn(n.Name, rows.Select(r => n.Values[r]).ToArray(), n.Kind),
            CategoricalColumn c => new CategoricalColumn(c.Name, rows.Select(r => c.Codes[r]).ToArray(), c.Categories, c.Kind),
            _ => throw new InvalidOperationException("unknown column type " + column.GetType().Name),
        }).ToList();
        return new DataTable(table.SourcePath, columns, rows.Length);
    }
}
