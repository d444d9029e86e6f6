using System.Runtime.InteropServices;

namespace AdaptGate.Core.Output;

/// <summary>What a path names on disk, as far as writing to it goes.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there yet.</summary>
    Missing,

    /// <summary>A regular file: replaced whole, through a temporary file and a rename.</summary>
    Regular,

    Directory,

    /// <summary>A character or block device, a FIFO or a socket: written in place, since a rename would replace the node itself.</summary>
    Stream,
}

/// <summary>
/// Tells a regular file from a device or a FIFO. .NET reports both as "Normal" (and /dev/full as seekable), so the
/// type bits come from statx(2) on Linux, whose layout is the same on every architecture. Elsewhere every existing
/// file is taken for a regular one.
/// </summary>
internal static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

    /// <summary>The kind of what the path names, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        var mode = Mode(path);
        return mode switch
        {
            null => FileKind.Regular,
            { } m when (m & TypeMask) == RegularType => FileKind.Regular,
            { } m when (m & TypeMask) == DirectoryType => FileKind.Directory,
            _ => FileKind.Stream,
        };
    }

    private static int? Mode(string path)
    {
        var buffer = new byte[256];
        try
        {
            if (OperatingSystem.IsLinux())
            {
                return Statx(AtFdCwd, path, 0, StatxType, buffer) == 0 ? BitConverter.ToUInt16(buffer, StatxModeOffset) : null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // An old C library without statx: every existing path is taken for a regular file, as before.
        }

        return null;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
