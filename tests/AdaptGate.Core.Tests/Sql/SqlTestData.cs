using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace AdaptGate.Core.Tests.Sql;

/// <summary>
/// Seeded data for the SQL-source tests, written as CSV (what the file path reads) and, through DuckDB, as Parquet:
/// missing values, negative numbers, whole numbers, Booleans, a date, categories with quotes, commas and non-ASCII
/// letters, and a column whose name needs quoting.
/// </summary>
internal static class SqlTestData
{
    public const string OddName = "odd \"name\" ü";

    private static readonly string[] Cities = ["Zürich", "東京", "O'Brien", "say \"hi\"", "a,b", "plain"];

    /// <summary>Writes <paramref name="rows"/> rows as CSV to <paramref name="path"/>.</summary>
    public static string WriteCsv(string path, int rows, int seed, double shift = 0)
    {
        var random = new Random(seed);
        var text = new StringBuilder("id,x,").Append(Quote(OddName)).Append(",flag,city,small,day\n");
        for (var i = 0; i < rows; i++)
        {
            var x = i % 17 == 3 ? string.Empty : Number((Normal(random) * 3) - 1 + shift);
            var odd = i % 29 == 5 ? string.Empty : Number(Math.Round(Math.Exp(Normal(random)) * 100, 2) - 50);
            var flag = i % 23 == 7 ? string.Empty : random.NextDouble() < 0.3 + (shift / 10) ? "true" : "false";
            var city = i % 31 == 11 ? string.Empty : Quote(Cities[(int)Math.Min(Cities.Length - 1, Math.Abs(Normal(random)) * 2)]);
            var small = random.Next(-3, 4).ToString(CultureInfo.InvariantCulture);
            var day = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i},{x},{odd},{flag},{city},{small},{day}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    /// <summary>The CSV file as Parquet, written by DuckDB from its own reading of the CSV.</summary>
    public static string CsvToParquet(string csv, string parquet)
    {
        Execute($"COPY (SELECT * FROM read_csv('{csv}')) TO '{parquet}' (FORMAT parquet)");
        return parquet;
    }

    public static void Execute(string sql, string database = ":memory:")
    {
        using var connection = new DuckDBConnection("DataSource=" + database);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
