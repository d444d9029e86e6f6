using AdaptGate.Core.Data;
using AdaptGate.Core.Profiles;

namespace AdaptGate.Core.Checking;

/// <summary>Reads one side of a check: a profile (by its extension or its content, <see cref="ProfileFile.LooksLikeProfile"/>) or a data file.</summary>
internal static class CheckSideReader
{
    /// <exception cref="InputException">The file is missing, malformed, or a damaged profile.</exception>
    public static CheckSide Read(string path, TableReadOptions options, CancellationToken cancellationToken)
    {
        if (ProfileFile.LooksLikeProfile(path))
        {
            var (body, sha256) = ProfileFile.ReadWithHash(path);
            return CheckSide.Of(path, body, sha256);
        }

        return CheckSide.Of(TableReader.Read(path, options, cancellationToken));
    }
}
