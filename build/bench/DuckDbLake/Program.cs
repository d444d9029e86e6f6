using System.Globalization;
using DuckDB.NET.Data;

// Writes ROWS rows of 20 numeric and 5 categorical columns as PARTS Parquet files OUT/part-NNN.parquet, inside DuckDB.
// Values come from hash(row, column), so the same arguments give the same files.
if (args.Length != 3 || !long.TryParse(args[1], out var rows) || !int.TryParse(args[2], out var parts) || rows < parts || parts < 1)
{
    Console.Error.WriteLine("usage: DuckDbLake OUT ROWS PARTS");
    return 2;
}

var folder = args[0];
Directory.CreateDirectory(folder);
string Uniform(int k) => $"((hash(i, {k}) % 100000000) / 1e8)";
var columns = new List<string>();
for (var k = 0; k < 20; k++)
{
    columns.Add((k % 4) switch
    {
        0 => $"{Uniform(k)} * 200 - 100 AS n{k:00}",
        1 => $"({Uniform(k)} + {Uniform(k + 100)} + {Uniform(k + 200)} - 1.5) * 10 AS n{k:00}",
        2 => $"-ln(1 - {Uniform(k)}) * 5 AS n{k:00}",
        _ => $"CASE WHEN hash(i, {k + 300}) % 50 = 0 THEN NULL ELSE floor({Uniform(k)} * 1000) END AS n{k:00}",
    });
}

for (var k = 0; k < 5; k++)
{
    columns.Add($"'cat-' || (hash(i, {k + 400}) % {8 << k}) AS c{k}");
}

using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
var per = rows / parts;
for (var p = 0; p < parts; p++)
{
    var first = p * per;
    var last = p == parts - 1 ? rows : first + per;
    var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"part-{p:000}.parquet"));
    using var command = connection.CreateCommand();
    command.CommandText = string.Create(CultureInfo.InvariantCulture, $"COPY (SELECT {string.Join(", ", columns)} FROM range({first}, {last}) AS t(i)) TO '{file}' (FORMAT parquet)");
    command.ExecuteNonQuery();
    Console.Error.WriteLine($"wrote {file}");
}

return 0;
