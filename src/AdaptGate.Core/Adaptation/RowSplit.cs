using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Adaptation;

/// <summary>Seeded, runtime-independent row draws: the holdout slices and the replay sample.</summary>
internal static class RowSplit
{
    private const ulong ReferenceHoldoutStream = 0xAD01;
    private const ulong CurrentHoldoutStream = 0xAD02;
    private const ulong ReplayStream = 0xAD03;

    /// <summary>Splits rows into (train, holdout); the holdout gets round(share × count) rows, both keep file order.</summary>
    public static (int[] Train, int[] Holdout) Holdout(IReadOnlyList<int> rows, double share, int seed, bool reference)
    {
        var count = (int)Math.Round(share * rows.Count, MidpointRounding.AwayFromZero);
        var chosen = RowSampler.Sample(rows.Count, count, SplitMix64.ForStream(seed, reference ? ReferenceHoldoutStream : CurrentHoldoutStream));
        var held = new bool[rows.Count];
        foreach (var i in chosen)
        {
            held[i] = true;
        }

        var train = new List<int>(rows.Count - count);
        var holdout = new List<int>(count);
        for (var i = 0; i < rows.Count; i++)
        {
            (held[i] ? holdout : train).Add(rows[i]);
        }

        return ([.. train], [.. holdout]);
    }

    /// <summary>Splits rows into (train, holdout): the holdout is the last round(share × count) rows, in file order.</summary>
    public static (int[] Train, int[] Holdout) Last(IReadOnlyList<int> rows, double share)
    {
        var count = (int)Math.Round(share * rows.Count, MidpointRounding.AwayFromZero);
        return ([.. rows.Take(rows.Count - count)], [.. rows.Skip(rows.Count - count)]);
    }

    /// <summary>round(share × currentRows) of the reference training rows, without replacement, capped at all of them.</summary>
    public static int[] Replay(IReadOnlyList<int> referenceTrain, int currentRows, double share, int seed)
    {
        var count = Math.Min(referenceTrain.Count, (int)Math.Round(share * currentRows, MidpointRounding.AwayFromZero));
        if (count == 0)
        {
            return [];
        }

        var chosen = RowSampler.Sample(referenceTrain.Count, count, SplitMix64.ForStream(seed, ReplayStream));
        return chosen.Select(i => referenceTrain[i]).ToArray();
    }
}
