using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Drift;

/// <summary>
/// Multiple-testing corrections across the columns tested with p-values, as
/// statsmodels' <c>multipletests</c> computes them (bonferroni, holm, fdr_bh). Wide data tests
/// hundreds of columns: at 0.05 each, some "drift" by chance alone unless the p-values are corrected.
/// </summary>
public static class PValueAdjustment
{
    /// <summary>Adjusted p-values in the order of <paramref name="pValues"/>, each in [0, 1].</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues, PValueCorrection correction)
    {
        var m = pValues.Count;
        var adjusted = new double[m];
        if (m == 0)
        {
            return adjusted;
        }

        if (correction == PValueCorrection.None)
        {
            for (var i = 0; i < m; i++)
            {
                adjusted[i] = pValues[i];
            }

            return adjusted;
        }

        if (correction == PValueCorrection.Bonferroni)
        {
            for (var i = 0; i < m; i++)
            {
                adjusted[i] = Math.Min(1.0, pValues[i] * m);
            }

            return adjusted;
        }

        // Stable sort by p-value (ties keep column order), so equal inputs give equal outputs.
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        if (correction == PValueCorrection.Holm)
        {
            // Step-down: the k-th smallest p is multiplied by (m - k), and adjusted values never decrease.
            var running = 0.0;
            for (var k = 0; k < m; k++)
            {
                running = Math.Max(running, Math.Min(1.0, (m - k) * pValues[order[k]]));
                adjusted[order[k]] = running;
            }

            return adjusted;
        }

        // Benjamini-Hochberg step-up: p_(k) · m / k, made monotone from the largest p downwards.
        var minimum = 1.0;
        for (var k = m - 1; k >= 0; k--)
        {
            minimum = Math.Min(minimum, pValues[order[k]] * m / (k + 1));
            adjusted[order[k]] = Math.Min(1.0, minimum);
        }

        return adjusted;
    }

    public static string Name(PValueCorrection correction) => correction switch
    {
        PValueCorrection.None => "none",
        PValueCorrection.Bonferroni => "bonferroni",
        PValueCorrection.Holm => "holm",
        PValueCorrection.FdrBh => "fdr-bh",
        _ => throw new ArgumentOutOfRangeException(nameof(correction)),
    };
}
