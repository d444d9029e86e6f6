namespace AdaptGate.Core.Sql.ClickHouse;

/// <summary>
/// Who to log in as. The caller reads them (the tool, from environment variables); <see cref="Origin"/> says where
/// they came from, so a refused login can say what to change without ever showing the password.
/// </summary>
public sealed record ClickHouseCredentials(string User, string Password, string Origin)
{
    /// <summary>ClickHouse's own default: user 'default' with an empty password.</summary>
    public const string DefaultUser = "default";

    // The password never appears in a message, a log or a debugger's view of the record.
    public override string ToString() => $"user '{User}' ({Origin})";
}
