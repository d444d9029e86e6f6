namespace AdaptGate.Core.Sql;

/// <summary>
/// Who to log in to a SQL server as. The caller reads them (the tool, from environment variables: docs/profiles.md);
/// <see cref="Origin"/> says where they came from, so a refused login can say what to change without ever showing
/// the password.
/// </summary>
public sealed record SqlCredentials(string User, string Password, string Origin)
{
    // The password never appears in a message, a log or a debugger's view of the record.
    public override string ToString() => $"user '{User}' ({Origin})";
}
