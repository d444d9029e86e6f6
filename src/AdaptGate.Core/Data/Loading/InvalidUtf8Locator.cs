using System.Buffers;
using System.Text.Unicode;

namespace AdaptGate.Core.Data.Loading;

/// <summary>
/// Finds where a file stops being valid UTF-8. The strict decoder only says "somewhere in this
/// buffer", so after it throws the reader scans the raw bytes once more to tell the user the
/// exact line and byte offset. This runs on the error path only.
/// </summary>
internal static class InvalidUtf8Locator
{
    /// <returns>The 1-based line and 0-based byte offset of the first invalid byte, or null if the file is valid.</returns>
    public static (long Line, long ByteOffset)? Find(InputSource source)
    {
        using var stream = source.OpenText();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length];
        long consumedBefore = 0;
        long line = 1;
        var carried = 0;
        while (true)
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(carried), buffer.Length - carried, throwOnEndOfStream: false);
            var available = carried + read;
            var isFinal = read == 0;
            var status = Utf8.ToUtf16(buffer.AsSpan(0, available), chars, out var bytesRead, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
            line += buffer.AsSpan(0, bytesRead).Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
            {
                return (line, consumedBefore + bytesRead);
            }

            if (isFinal)
            {
                return null;
            }

            // A multi-byte sequence split across reads is kept for the next round.
            consumedBefore += bytesRead;
            carried = available - bytesRead;
            buffer.AsSpan(bytesRead, carried).CopyTo(buffer);
        }
    }
}
