using System.Security.Cryptography;

namespace AdaptGate.Core.History;

/// <summary>Content hashes that say which exact data a check saw.</summary>
public static class FileHash
{
    /// <summary>SHA-256 of the file's bytes as lowercase hex, read as a stream (data files can be large).</summary>
    public static string Sha256(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException("The file does not exist.", path, hint: "Check the path.", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the file: {e.Message}", path, hint: "Check that the file is readable.", inner: e);
        }
    }
}
