using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdaptGate.Core.Output;

namespace AdaptGate.Core.Profiles;

/// <summary>
/// Reads and writes <c>.agprofile</c> files: gzip of <c>{"format":"adaptgate-profile","version":1,"sha256":"…","body":{…}}</c>,
/// where sha256 is the hash of the body's bytes exactly as written, so an edited or damaged profile is refused rather than
/// trusted (docs/profiles.md).
/// </summary>
public static class ProfileFile
{
    public const string Extension = ".agprofile";

    public const string FormatName = "adaptgate-profile";

    /// <summary>The version written; version 1 (no data hash, no roles) is still read.</summary>
    public const int Version = 2;

    private static readonly int[] ReadVersions = [1, 2];

    public static bool IsProfile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a check reads this path as a profile: by its extension, or by its content when a regular file not named as
    /// gzip-compressed data (.gz) is gzip that begins with the profile's format marker (a renamed profile, which
    /// <see cref="Read"/> then checks whole); a pipe is never probed, as it reads once.
    /// </summary>
    public static bool LooksLikeProfile(string path)
    {
        if (IsProfile(path))
        {
            return true;
        }

        try
        {
            // A pipe is never opened here: a FIFO reports no length, and /dev/fd/N links to no file.
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                if (info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo { Exists: true } target)
                {
                    return false;
                }

                info = target;
            }

            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || !info.Exists || info.Length < 2)
            {
                return false;
            }

            using var stream = info.OpenRead();
            Span<byte> head = stackalloc byte[2];
            if (stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) != 2 || head[0] != 0x1F || head[1] != 0x8B)
            {
                return false;
            }

            // Gzip of something else (a .csv.gz without its suffix) is left to the data reader, which names it.
            stream.Position = 0;
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            var marker = Encoding.UTF8.GetBytes($"{{\"format\":\"{FormatName}\"");
            var start = new byte[marker.Length];
            return gzip.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.AsSpan().SequenceEqual(marker);
        }
        catch (InvalidDataException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Write(string path, ProfileBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, ProfileJsonContext.Default.ProfileBody);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        OutputFile.Write(path, "the profile", stream =>
        {
            using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
            gzip.Write(Encoding.UTF8.GetBytes($"{{\"format\":\"{FormatName}\",\"version\":{Version},\"sha256\":\"{hash}\",\"body\":"));
            gzip.Write(bytes);
            gzip.Write("}"u8);
        });
    }

    /// <exception cref="InputException">Not a profile, another version, damaged (truncated, edited) or unreadable.</exception>
    public static ProfileBody Read(string path) => ReadWithHash(path).Body;

    /// <returns>The body, and the SHA-256 the file states for it (checked).</returns>
    /// <exception cref="InputException">Not a profile, another version, damaged (truncated, edited) or unreadable.</exception>
    public static (ProfileBody Body, string Sha256) ReadWithHash(string path)
    {
        byte[] text;
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            text = buffer.ToArray();
        }
        catch (FileNotFoundException)
        {
            throw new InputException("The profile does not exist.", path, hint: "Check the path, or make it with 'adaptgate profile DATA --output FILE.agprofile'.");
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw Damaged(path, "it is not a complete gzip stream (truncated, or not a profile)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the profile: {e.Message}", path, hint: "Check that the file is readable.", inner: e);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw Damaged(path, "its content is not complete JSON (truncated or damaged)", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            {
                throw Damaged(path, $"it does not say \"format\": \"{FormatName}\"", null);
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || !ReadVersions.Contains(number))
            {
                var found = root.TryGetProperty("version", out var v) ? v.GetRawText() : "none";
                throw new InputException(
                    $"The profile has format version {found}; this AdaptGate reads versions {string.Join(" and ", ReadVersions)}.",
                    path,
                    hint: "Make the profile again with this version of AdaptGate ('adaptgate profile DATA --output FILE.agprofile').");
            }

            if (!root.TryGetProperty("sha256", out var hash) || hash.ValueKind != JsonValueKind.String || !root.TryGetProperty("body", out var body))
            {
                throw Damaged(path, "it lacks its hash or its body", null);
            }

            var bytes = Encoding.UTF8.GetBytes(body.GetRawText());
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash.GetString(), StringComparison.Ordinal))
            {
                throw Damaged(path, "its content does not match its sha256 (it was edited or damaged)", null);
            }

            try
            {
                var read = body.Deserialize(ProfileJsonContext.Default.ProfileBody) ?? throw Damaged(path, "its body is null", null);
                if (number == 1 && (read.Roles is not null || read.SourceSha256 is not null))
                {
                    throw Damaged(path, "a version 1 profile holds no roles or data hash", null);
                }

                return (Validated(path, read), hash.GetString()!);
            }
            catch (JsonException e)
            {
                throw Damaged(path, $"its body does not describe a profile ({e.Message})", e);
            }
        }
    }

    private static ProfileBody Validated(string path, ProfileBody body)
    {
        if (body.Columns is null || body.Sources is null)
        {
            throw Damaged(path, "its body lacks its columns or sources", null);
        }

        foreach (var column in body.Columns)
        {
            if (column.Rows != body.Rows || column.Missing < 0 || column.Missing > column.Rows)
            {
                throw Damaged(path, $"column '{MessageText.Name(column.Name)}' counts {column.Rows} rows ({column.Missing} missing) in a profile of {body.Rows}", null);
            }
        }

        return body;
    }

    private static InputException Damaged(string path, string why, Exception? inner) =>
        new($"The profile cannot be read: {why}.", path, hint: "Make it again with 'adaptgate profile DATA --output FILE.agprofile'; a profile is not meant to be edited.", inner: inner);
}
