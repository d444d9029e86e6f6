namespace AdaptGate.Core.Drift.Statistics;

/// <summary>Machine constants from Cephes' const.c, as SciPy compiles them (IEEE double).</summary>
internal static class CephesConstants
{
    /// <summary>MACHEP: 2^-53, the unit roundoff.</summary>
    public const double MachineEpsilon = 1.11022302462515654042E-16;

    /// <summary>MAXLOG: log(DBL_MAX).</summary>
    public const double MaxLog = 7.09782712893383996843E2;

    /// <summary>MINLOG: log(2^-1075), the log of the smallest denormal.</summary>
    public const double MinLog = -7.451332191019412076235E2;

    /// <summary>NPY_EULER: the Euler-Mascheroni constant.</summary>
    public const double Euler = 0.577215664901532860606512090082402431;
}
