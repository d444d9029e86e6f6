namespace AdaptGate.Core.Checking;

/// <summary>
/// A multiclass model's stored probabilities, one column per class: named as a list (<c>p_a,p_b,p_c</c>) or by a prefix
/// (<c>p_*</c>). Each column's class is its name without the prefix (for a list, without the prefix the names share).
/// They are model outputs, never features: without this, each would be tested for drift as a feature, and a model's
/// probabilities move with everything it sees.
/// </summary>
internal sealed record ProbabilityColumns(IReadOnlyList<string> Columns, IReadOnlyList<string> Classes)
{
    /// <summary>Whether <paramref name="spec"/> names several columns (a list or a prefix) rather than one.</summary>
    public static bool IsSeveral(string? spec) => spec is not null && (spec.Contains(',', StringComparison.Ordinal) || spec.EndsWith('*'));

    /// <summary>The columns <paramref name="spec"/> names among a file's column <paramref name="names"/>, in file order for a prefix; null for one column.</summary>
    /// <exception cref="InputException">A prefix that matches fewer than two columns, or a listed column the file lacks.</exception>
    public static ProbabilityColumns? Resolve(string? spec, IReadOnlyList<string> names, string sourcePath)
    {
        if (!IsSeveral(spec))
        {
            return null;
        }

        string[] columns;
        string prefix;
        if (spec!.EndsWith('*'))
        {
            prefix = spec[..^1];
            columns = [.. names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.Length > prefix.Length)];
            if (columns.Length < 2)
            {
                throw new InputException(
                    $"The probability columns '{MessageText.Name(spec)}' match {(columns.Length == 0 ? "no column" : $"only '{MessageText.Name(columns[0])}'")}; a multiclass model has one per class.",
                    sourcePath,
                    line: 1,
                    hint: "Name the prefix the class probability columns share followed by *, as in --probability 'prob_*', or list them: --probability prob_a,prob_b,prob_c.");
            }
        }
        else
        {
            columns = [.. spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            if (columns.Length < 2 || columns.Distinct(StringComparer.Ordinal).Count() != columns.Length)
            {
                throw new InputException(
                    $"The probability column list '{MessageText.Name(spec)}' must name two or more different columns, one per class.",
                    hint: "List one column per class: --probability prob_a,prob_b,prob_c (or a prefix: --probability 'prob_*').");
            }

            foreach (var name in columns.Where(n => !names.Contains(n, StringComparer.Ordinal)))
            {
                throw new InputException(
                    $"The probability column '{MessageText.Name(name)}' is not in this file.",
                    sourcePath,
                    line: 1,
                    hint: "Column names are case-sensitive; list the columns as the header writes them.");
            }

            prefix = SharedPrefix(columns);
        }

        return new ProbabilityColumns(columns, [.. columns.Select(c => c[prefix.Length..])]);
    }

    private static string SharedPrefix(string[] names)
    {
        var length = names.Min(n => n.Length) - 1;
        var shared = 0;
        while (shared < length && names.All(n => n[shared] == names[0][shared]))
        {
            shared++;
        }

        return names[0][..shared];
    }
}
