using AdaptGate.Core.Data;

namespace AdaptGate.Core.Multivariate;

/// <summary>A numeric column as a standardised value slot, plus a missing-value flag when values are missing.</summary>
internal static class NumericFeatureEncoder
{
    /// <summary>
    /// Standardises with the mean and population standard deviation of both samples together, and
    /// puts missing (or non-finite) values at the mean. Trees do not need the scaling, but it keeps
    /// float precision even for large magnitudes and lets any model read every column on one scale.
    /// The flag slot lets a change in the missing-value rate separate the sides, as it should.
    /// </summary>
    /// <returns>The number of slots added: 0 when the column has no value in either sample.</returns>
    public static int Encode(NumericColumn reference, int[] referenceRows, NumericColumn current, int[] currentRows, List<float[]> slots)
    {
        var n = referenceRows.Length + currentRows.Length;
        var values = new double[n];
        for (var i = 0; i < referenceRows.Length; i++)
        {
            values[i] = reference.Values[referenceRows[i]];
        }

        for (var i = 0; i < currentRows.Length; i++)
        {
            values[referenceRows.Length + i] = current.Values[currentRows[i]];
        }

        // Scaled by a power of two near the largest magnitude first, so values near 1e308 do not overflow the sums
        // (and those near 1e-300 do not underflow the squares); exact, as only the exponent changes.
        double largest = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                largest = Math.Max(largest, Math.Abs(v));
            }
        }

        var down = largest > 0 ? Math.ScaleB(1.0, -Math.Clamp(Math.ILogB(largest), -1000, 1000)) : 1;
        for (var i = 0; i < n; i++)
        {
            values[i] *= down;
        }

        double sum = 0;
        var present = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                sum += v;
                present++;
            }
        }

        if (present == 0)
        {
            return 0;
        }

        var mean = sum / present;
        double squares = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        var deviation = Math.Sqrt(squares / present);
        var scale = deviation > 0 && double.IsFinite(deviation) ? 1 / deviation : 1;

        var standardised = new float[n];
        var missing = present < n ? new float[n] : null;
        for (var i = 0; i < n; i++)
        {
            if (double.IsFinite(values[i]))
            {
                standardised[i] = (float)((values[i] - mean) * scale);
            }
            else
            {
                missing![i] = 1;
            }
        }

        slots.Add(standardised);
        if (missing is null)
        {
            return 1;
        }

        slots.Add(missing);
        return 2;
    }
}
