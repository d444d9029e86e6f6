namespace AdaptGate.Core.Sql;

/// <summary>
/// What a SQL engine answered to one query: the columns' names and engine types, and the rows as text cells (null for
/// SQL NULL). Summaries come back as a few rows, so text keeps every engine's client simple and loses nothing: numbers
/// are written in their shortest round-trip form.
/// </summary>
public sealed record SqlResult(IReadOnlyList<string> Names, IReadOnlyList<string> Types, IReadOnlyList<string?[]> Rows)
{
    /// <summary>The index of a column by its name, as the query named it.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The result has no column '{name}'.");
    }
}
