using System.Security.Cryptography;
using System.Text.Json;
using AdaptGate.Core.Data;
using AdaptGate.Core.Profiles;
using AdaptGate.Core.Sql;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Reads one side of a check: a SQL source (duckdb:…, clickhouse://…, summarised inside its engine), a profile (by its
/// extension or its content, <see cref="ProfileFile.LooksLikeProfile"/>) or a data file.
/// </summary>
internal static class CheckSideReader
{
    /// <param name="path">The side as given: a SQL source, a profile or a data file.</param>
    /// <param name="options">How a data file is read.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <param name="login">The login for a ClickHouse source.</param>
    /// <param name="reference">For the current side: the reference, whose plans a SQL source's numbers are counted under.</param>
    /// <exception cref="InputException">The file is missing, malformed, or a damaged profile; the SQL source cannot be queried.</exception>
    public static CheckSide Read(string path, TableReadOptions options, CancellationToken cancellationToken, Sql.SqlCredentials? login = null, CheckSide? reference = null)
    {
        if (SqlProfileSource.Recognizes(path))
        {
            var profile = reference is null
                ? SqlProfileSource.Profile(path, login, cancellationToken)
                : SqlProfileSource.ProfileCurrent(path, reference.Profile ?? ProfileSummaries.Of(reference.Table!, seed: 0), login, cancellationToken);
            return CheckSide.Of(path, profile.Body, Hash(profile.Body), profile.Skipped);
        }

        if (ProfileFile.LooksLikeProfile(path))
        {
            var (body, sha256) = ProfileFile.ReadWithHash(path);
            return CheckSide.Of(path, body, sha256);
        }

        return CheckSide.Of(TableReader.Read(path, options, cancellationToken));
    }

    /// <summary>Whether the side's rows are read here (neither a SQL source nor a profile), and so take cores and memory to parse.</summary>
    public static bool IsRows(string path) => !SqlProfileSource.Recognizes(path) && !ProfileFile.LooksLikeProfile(path);

    /// <summary>Whether the side is summarised inside a SQL engine, so the current side must wait for the reference's plans.</summary>
    public static bool IsSql(string path) => SqlProfileSource.Recognizes(path);

    // A SQL source has no file to hash: its summaries stand for its content in the history (the same rows, the same hash).
    private static string Hash(ProfileBody body) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, ProfileJsonContext.Default.ProfileBody)));
}
