using AdaptGate.Core.Sql;
using AdaptGate.Core.Sql.ClickHouse;

namespace AdaptGate.Tool.Cli;

/// <summary>
/// The login for a SQL server source, from environment variables (docs/profiles.md, "ClickHouse"): never from the
/// command line, where shell histories and CI logs keep it. The password is masked in everything the tool prints.
/// </summary>
internal static class SqlLogin
{
    public const string ClickHouseUserVariable = "ADAPTGATE_CLICKHOUSE_USER";

    public const string ClickHousePasswordVariable = "ADAPTGATE_CLICKHOUSE_PASSWORD";

    /// <summary>The variables whose values <see cref="Secrets"/> masks.</summary>
    public static readonly string[] SecretVariables = [ClickHousePasswordVariable];

    /// <summary>The login for <paramref name="argument"/>, or null for a source that needs none (DuckDB).</summary>
    public static SqlCredentials? For(string argument, IEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!ClickHouseSource.IsClickHouse(argument))
        {
            return null;
        }

        var user = environment.Get(ClickHouseUserVariable) is { Length: > 0 } named ? named.Trim() : ClickHouseSource.DefaultUser;
        return new SqlCredentials(user, environment.Get(ClickHousePasswordVariable) ?? string.Empty, $"{ClickHouseUserVariable} and {ClickHousePasswordVariable}");
    }
}
