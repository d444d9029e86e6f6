namespace AdaptGate.Core.Summaries;

/// <summary>
/// The KS statistic and the Wasserstein-1 distance of two weighted samples (<see cref="WeightedSample"/>): the same
/// merges as the exact versions over sorted values, with each value counting its weight. Every rank a sample gives is
/// within its rank error ε of the truth, so |F̂ − F| ≤ ε everywhere: D is within ε₁ + ε₂ of the exact D, and W1 (the
/// integral of |F₁ − F₂| over [min, max]) within (ε₁ + ε₂)·(max − min) of the exact W1.
/// </summary>
internal static class SketchDistances
{
    public static double KsStatistic(WeightedSample a, WeightedSample b)
    {
        double n1 = a.Total, n2 = b.Total;
        int i = 0, j = 0;
        long ra = 0, rb = 0;
        double worst = 0;
        while (i < a.Values.Length || j < b.Values.Length)
        {
            var v = i < a.Values.Length && (j >= b.Values.Length || a.Values[i] <= b.Values[j]) ? a.Values[i] : b.Values[j];
            while (i < a.Values.Length && a.Values[i] <= v)
            {
                ra += a.WeightAt(i++);
            }

            while (j < b.Values.Length && b.Values[j] <= v)
            {
                rb += b.WeightAt(j++);
            }

            worst = Math.Max(worst, Math.Abs((ra / n1) - (rb / n2)));
        }

        return worst;
    }

    public static double Wasserstein(WeightedSample a, WeightedSample b)
    {
        double n1 = a.Total, n2 = b.Total;
        int i = 0, j = 0;
        long ra = 0, rb = 0;
        double sum = 0;
        double current = Math.Min(a.Values[0], b.Values[0]);
        while (i < a.Values.Length || j < b.Values.Length)
        {
            while (i < a.Values.Length && a.Values[i] <= current)
            {
                ra += a.WeightAt(i++);
            }

            while (j < b.Values.Length && b.Values[j] <= current)
            {
                rb += b.WeightAt(j++);
            }

            if (i == a.Values.Length && j == b.Values.Length)
            {
                break;
            }

            var next = i < a.Values.Length && (j >= b.Values.Length || a.Values[i] <= b.Values[j]) ? a.Values[i] : b.Values[j];
            sum += Math.Abs((ra / n1) - (rb / n2)) * (next - current);
            current = next;
        }

        return sum;
    }
}
