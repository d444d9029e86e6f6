using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Tests.Drift;

public sealed class KolmogorovSmirnovTests
{
    [Fact]
    public void ExactAttemptAboveOneFallsBackToAsymptotic()
    {
        // n == m == 7 with D = 1/7: SciPy's _compute_prob_outside_square gives 1.0000000000000002,
        // so ks_2samp switches to kstwo.sf(D, round(49/14)) = 0.9999609537692629.
        double[] a = [0, 1, 2, 3, 4, 5, 6];
        double[] b = [0, 1, 2, 3, 4, 5, 17];
        (double d, double p) = KolmogorovSmirnov.TwoSample(a, b);
        Assert.Equal(1.0 / 7, d);
        Assert.Equal(KolmogorovSmirnov.AsymptoticPValue(7, 7, d), p);
        Assert.Equal(0.9999609537692629, p, 12);
    }

    [Fact]
    public void IdenticalSamplesHaveDZeroAndPOne()
    {
        double[] a = [1, 1, 2, 3, 5, 8];
        Assert.Equal((0.0, 1.0), KolmogorovSmirnov.TwoSample(a, a));
    }

    [Fact]
    public void DisjointSamplesHaveDOne()
    {
        (double d, double p) = KolmogorovSmirnov.TwoSample([1, 2, 3], [4, 5, 6, 7]);
        Assert.Equal(1.0, d);

        // Exact: 2 / C(7, 3) paths leave the band.
        Assert.Equal(2.0 / 35, p, 14);
    }

    [Fact]
    public void EmptySampleThrows() =>
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([], [1.0]));
}
