using Microsoft.ML;

namespace AdaptGate.Core.Adaptation;

/// <summary>Saves a model whole or not at all: a pipeline never picks up half a .zip.</summary>
internal static class ModelFile
{
    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        // Beside the target, so the final move is a rename on the same volume (atomic), never a copy.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = File.Create(temporary))
            {
                ml.Model.Save(model, inputSchema, stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new InputException($"Cannot write the adapted model: {e.Message}", path, hint: "Check that the folder is writable.", inner: e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the real error is the one being reported.
        }
    }
}
