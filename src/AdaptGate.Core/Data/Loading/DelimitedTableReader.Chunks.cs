using System.Collections.Concurrent;
using System.Text;
using nietras.SeparatedValues;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// The parallel read: <see cref="DelimitedChunkSplitter"/> cuts the file at row boundaries (hashing it on the way)
/// while workers parse the chunks it hands out, each into its own column builders. The chunks' builders are then
/// joined in file order into what one pass would have built: where a chunk's first value chose another kind than
/// the column had before it, that chunk is read again for the column as the earlier kind, as one pass would have
/// read it; lines are counted within a chunk and shifted by the lines before it. Only a file that reads cleanly
/// is finished here: any error, and a file without data rows, is left to the single pass, so the message (file,
/// line, column) is the one the earliest problem in the file gives.
/// </summary>
internal sealed partial class DelimitedTableReader
{
    private const long ReleasedBytesPerCollection = 16L << 20;

    private (TextColumnBuilder?[] Builders, int Rows, string? Sha256)? TryReadInChunks(DelimitedChunking chunking, CancellationToken ct)
    {
        string[] header;
        try
        {
            header = ReadHeader();
        }
        catch (Exception e) when (e is InputException or DecoderFallbackException)
        {
            return null;
        }

        var (chunks, sha256) = ParseAllChunks(chunking, header, ct);
        if (chunks is null)
        {
            return null;
        }

        var rows = chunks.Sum(c => c.Rows);
        if (rows == 0)
        {
            return null;
        }

        var lineOffsets = new int[chunks.Length];
        for (var k = 1; k < chunks.Length; k++)
        {
            lineOffsets[k] = lineOffsets[k - 1] + chunks[k - 1].Lines;
        }

        MergeLineShifts(chunks, lineOffsets);
        RereadWhereKindsDiffer(chunks, header, chunking, ct);

        var builders = new TextColumnBuilder?[header.Length];
        long released = 0;
        for (var c = 0; c < header.Length; c++)
        {
            builders[c] = JoinColumn(chunks, c, lineOffsets, rows);

            // Each join copies a column out of the chunks' buffers, which are garbage from then on. Left to itself
            // the collector kept them all until the read ended, doubling the peak memory (docs/performance.md);
            // a collection now and then frees them for the next columns' copies, and costs little: the heap is
            // mostly arrays of numbers, which hold no references to trace.
            released += 8L * rows;
            if (released >= ReleasedBytesPerCollection)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
                released = 0;
            }
        }

        RebuildMixedColumnsInChunks(builders, chunks, header, lineOffsets, rows, chunking, ct);
        if (chunking.Log is { } log)
        {
            log.Chunks = chunks.Length;
        }

        return (builders, rows, sha256);
    }

    private string[] ReadHeader()
    {
        using var text = new StreamReader(_source.OpenText(), StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        using var reader = OpenSep(text);
        return reader.MoveNext() ? CsvHeader.Names(reader.Current, _settings, _path) : throw new InputException("The file is empty.", _path);
    }

    /// <returns>The chunks in file order, or null when one of them failed (the single pass then reports it), and the file's hash.</returns>
    private (ChunkRows[]? Chunks, string? Sha256) ParseAllChunks(DelimitedChunking chunking, string[] header, CancellationToken ct)
    {
        var parsed = new ConcurrentDictionary<int, ChunkRows>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var queue = new BlockingCollection<ByteChunk>();
        var failed = false;
        var workers = new Task[chunking.Workers];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        foreach (var chunk in queue.GetConsumingEnumerable(stop.Token))
                        {
                            var builders = new TextColumnBuilder?[header.Length];
                            for (var c = 0; c < header.Length; c++)
                            {
                                builders[c] = TextColumnBuilder.Inferring(header[c], chunk.LineFeeds + 1, _settings.MissingValues);
                            }

                            parsed[chunk.Index] = ParseChunk(chunk, header, builders, recordShifts: true, stop.Token);
                        }
                    }
                    catch (Exception e) when (e is InputException or DecoderFallbackException or IOException)
                    {
                        failed = true;
                        stop.Cancel();
                    }
                },
                stop.Token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        string? sha256 = null;
        var count = 0;
        try
        {
            using var raw = _source.OpenRaw();
            sha256 = DelimitedChunkSplitter.Split(raw, chunking.ChunkLength(_source.RawLength), chunk => { queue.Add(chunk, stop.Token); count++; }, stop.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A worker failed and stopped the split.
        }
        finally
        {
            queue.CompleteAdding();
            try
            {
                Task.WaitAll(workers, CancellationToken.None); // the workers see the token themselves; they must all have stopped here
            }
            catch (AggregateException e) when (e.InnerExceptions.All(i => i is OperationCanceledException))
            {
                // Stopped with the others: either the caller cancelled (thrown below) or a worker failed.
            }
        }

        ct.ThrowIfCancellationRequested();
        return failed || parsed.Count != count ? (null, null) : ([.. Enumerable.Range(0, count).Select(k => parsed[k])], sha256);
    }

    private ChunkRows ParseChunk(ByteChunk chunk, string[] header, TextColumnBuilder?[] builders, bool recordShifts, CancellationToken ct)
    {
        var first = chunk.Index == 0;
        using var stream = _source.OpenRange(chunk.Start, chunk.Length);
        using var text = new StreamReader(stream, first ? StrictUtf8 : StrictUtf8WithoutBom, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        using var reader = OpenSep(text);
        if (first && !reader.MoveNext())
        {
            throw new InputException("The file is empty.", _path);
        }

        var shifts = recordShifts ? new List<(int Row, long Line)>() : null;
        var run = ReadRows(reader, header, builders, shifts, firstRowIsData: first && !_settings.HasHeader, midFile: !first, ct);

        // The chunk ends after a line feed (but for the last), so Sep's line after its last row is its line count + 1.
        return new ChunkRows(chunk, builders, shifts ?? [], run.Rows, run.LineAfter - 1, run.LastRowLine);
    }

    /// <summary>Turns each chunk's shifts into the file's, dropping a chunk's first row where it does follow on from the row before it.</summary>
    private void MergeLineShifts(ChunkRows[] chunks, int[] lineOffsets)
    {
        _lineShifts.Clear();
        long nextLine = 2;
        var rowOffset = 0;
        for (var k = 0; k < chunks.Length; k++)
        {
            foreach (var (row, line) in chunks[k].Shifts)
            {
                var fileLine = line + lineOffsets[k];
                if (k == 0 || row != 0 || fileLine != nextLine)
                {
                    _lineShifts.Add((row + rowOffset, fileLine));
                }
            }

            if (chunks[k].Rows > 0)
            {
                nextLine = chunks[k].LastRowLine + lineOffsets[k] + 1L;
            }

            rowOffset += chunks[k].Rows;
        }
    }

    /// <summary>
    /// One pass reads every value of a column as the kind its first value chose. A chunk whose first value chose
    /// another kind (or that gave up on one) is read again, for that column, as the kind the column had.
    /// </summary>
    private void RereadWhereKindsDiffer(ChunkRows[] chunks, string[] header, DelimitedChunking chunking, CancellationToken ct)
    {
        var reread = new Dictionary<int, TextColumnBuilder?[]>();
        for (var c = 0; c < header.Length; c++)
        {
            var start = Array.FindIndex(chunks, k => k.Builders[c]!.StartedAs != TextColumnBuilder.State.AllMissing);
            if (start < 0 || chunks[start].Builders[c]!.NeedsCategoricalRebuild)
            {
                continue;
            }

            var kind = chunks[start].Builders[c]!.StartedAs;
            for (var k = start + 1; k < chunks.Length; k++)
            {
                var startedAs = chunks[k].Builders[c]!.StartedAs;
                if (startedAs != TextColumnBuilder.State.AllMissing && startedAs != kind)
                {
                    if (!reread.TryGetValue(k, out var builders))
                    {
                        reread[k] = builders = new TextColumnBuilder?[header.Length];
                    }

                    builders[c] = TextColumnBuilder.Continuing(kind, header[c], chunks[k].Rows, _settings.MissingValues);
                }
            }
        }

        ParseAgain(chunks, reread, header, chunking.Workers, ct);
        if (chunking.Log is { } log)
        {
            log.Rereads += reread.Count;
        }

        foreach (var (k, builders) in reread)
        {
            for (var c = 0; c < builders.Length; c++)
            {
                if (builders[c] is { } continuing)
                {
                    chunks[k].Builders[c] = continuing;
                }
            }
        }
    }

    private void RebuildMixedColumnsInChunks(TextColumnBuilder?[] builders, ChunkRows[] chunks, string[] header, int[] lineOffsets, int rows, DelimitedChunking chunking, CancellationToken ct)
    {
        var mixed = Enumerable.Range(0, builders.Length).Where(c => builders[c]!.NeedsCategoricalRebuild).ToArray();
        if (mixed.Length == 0)
        {
            return;
        }

        var reread = new Dictionary<int, TextColumnBuilder?[]>();
        for (var k = 0; k < chunks.Length; k++)
        {
            var categorical = new TextColumnBuilder?[header.Length];
            foreach (var c in mixed)
            {
                categorical[c] = TextColumnBuilder.CategoricalOnly(header[c], chunks[k].Rows, _settings.MissingValues);
            }

            reread[k] = categorical;
        }

        ParseAgain(chunks, reread, header, chunking.Workers, ct);
        if (chunking.Log is { } log)
        {
            log.Rebuilt += mixed.Length;
        }

        foreach (var c in mixed)
        {
            builders[c] = TextColumnBuilder.Join([.. chunks.Select((_, k) => reread[k][c]!)], lineOffsets, rows);
        }
    }

    /// <summary>Parses the given chunks again (in parallel) into the given builders; a chunk whose row count changed means the file did.</summary>
    private void ParseAgain(ChunkRows[] chunks, Dictionary<int, TextColumnBuilder?[]> builders, string[] header, int workers, CancellationToken ct)
    {
        if (builders.Count == 0)
        {
            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct };
        try
        {
            Parallel.ForEach(builders, options, pair =>
            {
                if (ParseChunk(chunks[pair.Key].Chunk, header, pair.Value, recordShifts: false, ct).Rows != chunks[pair.Key].Rows)
                {
                    throw FileChanged();
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0 && e.InnerExceptions.All(i => i is InputException or DecoderFallbackException))
        {
            // The first pass read these rows without a problem: failing now means the file changed under us.
            throw FileChanged();
        }
    }

    private static TextColumnBuilder JoinColumn(ChunkRows[] chunks, int c, int[] lineOffsets, int rows)
    {
        var parts = new TextColumnBuilder[chunks.Length];
        for (var k = 0; k < chunks.Length; k++)
        {
            parts[k] = chunks[k].Builders[c]!;
            chunks[k].Builders[c] = null; // held once: the joined builder has its values now
        }

        return TextColumnBuilder.Join(parts, lineOffsets, rows);
    }

    /// <summary>A parsed chunk: its builders, its line shifts (rows and lines counted within it), data rows, line count and the line of its last data row.</summary>
    private sealed record ChunkRows(ByteChunk Chunk, TextColumnBuilder?[] Builders, List<(int Row, long Line)> Shifts, int Rows, int Lines, int LastRowLine);
}
