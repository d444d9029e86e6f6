using DuckDB.NET.Data;

// Writes the lake's part files as two TabSeparated files, OUT/shard-1.tsv (even parts) and OUT/shard-2.tsv (odd
// parts), NULL as \N, with DuckDB doing the reading and writing.
if (args.Length != 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: ClickHouseLoad LAKE OUT");
    return 2;
}

var parts = Directory.GetFiles(args[0], "part-*.parquet").Order(StringComparer.Ordinal).ToArray();
Directory.CreateDirectory(args[1]);
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
for (var shard = 0; shard < 2; shard++)
{
    var files = string.Join(", ", parts.Where((_, i) => i % 2 == shard).Select(p => $"'{p}'"));
    var target = Path.Combine(args[1], $"shard-{shard + 1}.tsv");
    using var command = connection.CreateCommand();
    command.CommandText = $"COPY (SELECT * FROM read_parquet([{files}])) TO '{target}' (FORMAT csv, DELIMITER '\t', HEADER false, NULLSTR '\\N')";
    command.ExecuteNonQuery();
    Console.Error.WriteLine($"wrote {target}");
}

return 0;
