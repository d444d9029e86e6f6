using AdaptGate.Core.Multivariate;

namespace AdaptGate.Core.Metrics.Estimation;

/// <summary>
/// The reference rows the confidence-based estimator chooses its calibration on: all of them up to <see cref="MaxRows"/>;
/// above it a seeded sample of about that many, stratified by label (each class keeps its share), in the rows' own order
/// so the choice's contiguous folds keep theirs. The choice (ten fits over five folds, by held-out Brier score) is where
/// the time goes and settles long before a million rows; the chosen calibration is then fitted on every row, because
/// an isotonic fit's steps move the expected auc with the rows they were fitted on (docs/decisions.md, "Cost of the
/// decomposition", measures both against the fit on every row).
/// </summary>
internal static class CalibrationSample
{
    public const int MaxRows = 200_000;

    /// <summary>The sample's stream of the policy seed, apart from the bootstrap's and the other samplers'.</summary>
    private const ulong Stream = 0xCA1B;

    /// <summary>The positions of <paramref name="label"/> to fit on, ascending: every position while there are at most <paramref name="maxRows"/>.</summary>
    public static int[] Rows(IReadOnlyList<bool> label, int seed, int maxRows = MaxRows) =>
        Rows([.. label.Select(l => l ? 1 : 0)], 2, seed, maxRows);

    /// <summary>As the binary <see cref="Rows(IReadOnlyList{bool}, int, int)"/>, stratified by each row's class (below <paramref name="classes"/>).</summary>
    public static int[] Rows(int[] classOf, int classes, int seed, int maxRows = MaxRows)
    {
        var n = classOf.Length;
        if (n <= maxRows)
        {
            return [.. Enumerable.Range(0, n)];
        }

        var random = SplitMix64.ForStream(seed, Stream);
        var sample = new List<int>(maxRows + classes);
        for (var k = 0; k < classes; k++)
        {
            var members = Enumerable.Range(0, n).Where(i => classOf[i] == k).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var take = Math.Max(1, (int)Math.Round(members.Length * (double)maxRows / n));
            sample.AddRange(RowSampler.Sample(members.Length, take, random).Select(i => members[i]));
        }

        sample.Sort();
        return [.. sample];
    }

    /// <summary>
    /// The estimator whose calibration is chosen on the sample of <see cref="Rows(IReadOnlyList{bool}, int, int)"/> and
    /// fitted on every row, and the rows it was chosen on (null: every row).
    /// </summary>
    public static (ConfidenceBasedEstimator Estimator, int? SampleRows) Fit(double[] score, bool[] label, int seed, int maxRows = MaxRows)
    {
        var rows = Rows(label, seed, maxRows);
        if (rows.Length == score.Length)
        {
            return (ConfidenceBasedEstimator.Fit(score, label), null);
        }

        var chosen = ConfidenceBasedEstimator.Choose([.. rows.Select(i => score[i])], [.. rows.Select(i => label[i])]);
        return (chosen.FittedOn(score, label), rows.Length);
    }
}
