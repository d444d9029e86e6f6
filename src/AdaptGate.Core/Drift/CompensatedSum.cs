namespace AdaptGate.Core.Drift;

/// <summary>
/// Neumaier's compensated summation. Long sums (Wasserstein over a million sorted values, the
/// reference variance) stay accurate to a few ulps and, being sequential, never depend on
/// threading or vector width.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public readonly double Value => _sum + _compensation;

    public void Add(double value)
    {
        double t = _sum + value;
        if (Math.Abs(_sum) >= Math.Abs(value))
        {
            _compensation += (_sum - t) + value;
        }
        else
        {
            _compensation += (value - t) + _sum;
        }

        _sum = t;
    }
}
