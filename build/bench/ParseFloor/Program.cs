using AdaptGate.Bench.ParseFloor;

// Parse-only floor for build/bench/run.sh: reads both files with Sep, numbers to double and text
// to dictionary codes, and nothing else (see FloorTable). The two files are read at once, as
// adaptgate reads them, so the floor uses the same two cores.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ParseFloor REFERENCE.csv CURRENT.csv");
    return 2;
}

var tables = await Task.WhenAll(args.Select(path => Task.Run(() => FloorTable.Parse(path))));
foreach (var (path, table) in args.Zip(tables))
{
    Console.WriteLine($"{path}: {table.Rows} rows, {table.Columns} columns, checksum {table.Checksum:R}");
}

return 0;
