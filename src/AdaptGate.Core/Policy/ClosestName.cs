namespace AdaptGate.Core.Policy;

/// <summary>Suggests the name a person probably meant ("thresholdz" → "thresholds"), by edit distance.</summary>
internal static class ClosestName
{
    /// <summary>
    /// The candidate nearest to <paramref name="text"/> (case-insensitive edit distance), when it is
    /// close enough to be a typo: at most a third of the longer name, and never more than 3 edits.
    /// </summary>
    public static string? Find(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(text.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (best is null)
        {
            return null;
        }

        var allowed = Math.Min(3, Math.Max(1, Math.Max(text.Length, best.Length) / 3));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>"Did you mean 'x'? " or an empty string.</summary>
    public static string Suggestion(string text, IEnumerable<string> candidates) =>
        Find(text, candidates) is { } closest ? $"Did you mean '{closest}'? " : string.Empty;

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) from one text to the other: "sede" is 1 from "seed".</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(d[i - 1, j - 1] + cost, Math.Min(d[i - 1, j], d[i, j - 1]) + 1);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
