using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Reads flat Parquet columns. Typed values mean what they say: numbers are numeric, bool is
/// Boolean, timestamps and dates are datetimes. Strings are inferred exactly as the cells of a
/// text file are (numbers, true/false, ISO 8601 timestamps, missing-value tokens), so the same
/// data gives the same kinds, and the same verdict, whether it comes as CSV or Parquet. Nested and repeated
/// fields have no single value per row to test for drift, so they are skipped and listed in
/// <see cref="DataTable.SkippedColumns"/>, as are types with no drift meaning (binary, time of day).
/// </summary>
internal sealed class ParquetTableReader
{
    private readonly InputSource _source;
    private readonly string _path;
    private readonly MissingValueTokens _missing;
    private readonly List<DataColumn> _columns = [];
    private readonly List<SkippedColumn> _skipped = [];

    private ParquetTableReader(InputSource source, MissingValueTokens missing)
    {
        _source = source;
        _path = source.Path;
        _missing = missing;
    }

    public static DataTable Read(InputSource source, MissingValueTokens missing, CancellationToken ct)
    {
        var path = source.Path;
        var reader = new ParquetTableReader(source, missing);
        try
        {
            return reader.ReadAsync(ct).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (InputException or OperationCanceledException))
        {
            // Parquet.Net reports damage with a mix of exception types (IOException "not a parquet file",
            // ParquetException, InvalidDataException, index errors on truncated pages); to the user they all mean the same.
            throw new InputException(
                $"The file cannot be read as Parquet: {e.Message}",
                path,
                hint: "Check that it is a complete, uncorrupted Parquet file (re-export or copy it again), or use a .csv/.tsv extension for text data.",
                inner: e);
        }
    }

    private async ValueTask<DataTable> ReadAsync(CancellationToken ct)
    {
        var stream = _source.OpenRaw();
        await using var streamScope = stream.ConfigureAwait(false);
        var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var groups = new ParquetRowGroupReader[reader.RowGroupCount];
            long total = 0;
            for (var g = 0; g < groups.Length; g++)
            {
                groups[g] = reader.OpenRowGroupReader(g);
                total += groups[g].RowCount;
            }

            if (total > Array.MaxLength)
            {
                throw new InputException($"The file has {total} rows, more than can be loaded at once.", _path, hint: "Sample or split the file.");
            }

            if (total == 0)
            {
                throw new InputException("The file has no data rows.", _path, hint: "Point to a Parquet file that contains data.");
            }

            foreach (var field in reader.Schema.Fields)
            {
                ct.ThrowIfCancellationRequested();
                if (field is not DataField data || data.MaxRepetitionLevel > 0)
                {
                    _skipped.Add(new SkippedColumn(field.Name, $"nested or repeated Parquet field ({field.SchemaType}); only flat columns are compared"));
                    continue;
                }

                var column = await ReadColumnAsync(groups, data, (int)total, ct).ConfigureAwait(false);
                if (column is not null)
                {
                    _columns.Add(column);
                }
            }

            return new DataTable(_path, _columns, (int)total, _skipped) { ContentSha256 = _source.Sha256() };
        }
    }

    private async ValueTask<DataColumn?> ReadColumnAsync(ParquetRowGroupReader[] groups, DataField field, int total, CancellationToken ct)
    {
        var type = field.ClrType;
        if (type == typeof(double)) return await ReadNumericAsync<double>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(float)) return await ReadNumericAsync<float>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(int)) return await ReadNumericAsync<int>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(long)) return await ReadNumericAsync<long>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(short)) return await ReadNumericAsync<short>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(sbyte)) return await ReadNumericAsync<sbyte>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(byte)) return await ReadNumericAsync<byte>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(ushort)) return await ReadNumericAsync<ushort>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(uint)) return await ReadNumericAsync<uint>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(ulong)) return await ReadNumericAsync<ulong>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(decimal)) return await ReadNumericAsync<decimal>(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(bool)) return await ReadBooleanAsync(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(DateTime)) return await ReadDateTimeAsync(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(DateOnly)) return await ReadDateOnlyAsync(groups, field, total, ct).ConfigureAwait(false);
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>)) return await ReadStringAsync(groups, field, total, ct).ConfigureAwait(false);

        _skipped.Add(new SkippedColumn(field.Name, $"Parquet type {type.Name} has no numeric, Boolean, datetime or text meaning here"));
        return null;
    }

    private async ValueTask<DataColumn> ReadNumericAsync<T>(ParquetRowGroupReader[] groups, DataField field, int total, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var values = new double[total];
        var offset = 0;
        foreach (var group in groups)
        {
            var buffer = new T?[group.RowCount];
            await group.ReadAsync(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
            for (var i = 0; i < buffer.Length; i++)
            {
                // A NaN stored in a float column is read as missing, like "NaN" in a text file.
                var value = buffer[i] is { } v ? double.CreateSaturating(v) : double.NaN;
                if (double.IsInfinity(value))
                {
                    throw new InputException(
                        $"Row {offset + i + 1} holds {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, which is not a finite number.",
                        _path,
                        column: field.Name,
                        hint: "Replace it with a finite value or null before comparing: drift tests need finite numbers.");
                }

                values[offset + i] = value;
            }

            offset += buffer.Length;
        }

        return new NumericColumn(field.Name, values, ColumnKind.Numeric);
    }

    private static async ValueTask<DataColumn> ReadBooleanAsync(ParquetRowGroupReader[] groups, DataField field, int total, CancellationToken ct)
    {
        var codes = new int[total];
        var offset = 0;
        foreach (var group in groups)
        {
            var buffer = new bool?[group.RowCount];
            await group.ReadAsync(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
            for (var i = 0; i < buffer.Length; i++)
            {
                codes[offset + i] = buffer[i] switch
                {
                    true => 1,
                    false => 0,
                    null => CategoricalColumn.MissingCode,
                };
            }

            offset += buffer.Length;
        }

        return new CategoricalColumn(field.Name, codes, ["false", "true"], ColumnKind.Boolean);
    }

    private static async ValueTask<DataColumn> ReadDateTimeAsync(ParquetRowGroupReader[] groups, DataField field, int total, CancellationToken ct)
    {
        var values = new double[total];
        var offset = 0;
        foreach (var group in groups)
        {
            var buffer = new DateTime?[group.RowCount];
            await group.ReadAsync(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
            for (var i = 0; i < buffer.Length; i++)
            {
                values[offset + i] = buffer[i] is { } t ? SecondsSinceEpoch(t) : double.NaN;
            }

            offset += buffer.Length;
        }

        return new NumericColumn(field.Name, values, ColumnKind.Datetime);
    }

    private static async ValueTask<DataColumn> ReadDateOnlyAsync(ParquetRowGroupReader[] groups, DataField field, int total, CancellationToken ct)
    {
        var values = new double[total];
        var offset = 0;
        foreach (var group in groups)
        {
            var buffer = new DateOnly?[group.RowCount];
            await group.ReadAsync(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
            for (var i = 0; i < buffer.Length; i++)
            {
                values[offset + i] = buffer[i] is { } d ? SecondsSinceEpoch(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : double.NaN;
            }

            offset += buffer.Length;
        }

        return new NumericColumn(field.Name, values, ColumnKind.Datetime);
    }

    private async ValueTask<DataColumn> ReadStringAsync(ParquetRowGroupReader[] groups, DataField field, int total, CancellationToken ct)
    {
        var builder = await FillAsync(TextColumnBuilder.Inferring(field.Name, total, _missing), groups, field, ct).ConfigureAwait(false);
        if (builder.NeedsCategoricalRebuild)
        {
            builder = await FillAsync(TextColumnBuilder.CategoricalOnly(field.Name, total, _missing), groups, field, ct).ConfigureAwait(false);
        }

        return builder.Build(_path, total);
    }

    private static async ValueTask<TextColumnBuilder> FillAsync(TextColumnBuilder builder, ParquetRowGroupReader[] groups, DataField field, CancellationToken ct)
    {
        var row = 0;
        foreach (var group in groups)
        {
            var buffer = new string?[group.RowCount];
            await group.ReadAsync(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
            foreach (var value in buffer)
            {
                // A null is missing like an empty cell; the row number stands in for a line.
                builder.Add(value, ++row);
            }
        }

        return builder;
    }

    // Parquet timestamps are either UTC-adjusted or zone-less; both are taken as UTC, matching text files.
    private static double SecondsSinceEpoch(DateTime t)
    {
        var utc = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t;
        return (utc.Ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond;
    }
}
