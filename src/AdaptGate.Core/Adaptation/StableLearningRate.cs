using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// The largest step of online gradient descent on squared loss that cannot overshoot on these rows.
/// One step moves the prediction for its own row by rate · 2 · (‖x‖² + 1) times the error (the 1 is the
/// bias); past 1 it overshoots, past 2 the error grows with every such row, and a run over rows far from
/// the reference's normalisation (new units, a later year) diverges to errors of millions. ML.NET's fixed
/// default of 0.1 overshoots once ‖x‖² passes 4, so the rate is capped at 1 / (2 · (max ‖x‖² + 1)).
/// </summary>
internal static class StableLearningRate
{
    public static float For(IDataView data, string features, float preferred)
    {
        var column = data.Schema[features];
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> row = default;
        var largest = 0d;
        while (cursor.MoveNext())
        {
            getter(ref row);
            var squared = 0d;
            foreach (var value in row.GetValues())
            {
                squared += (double)value * value;
            }

            // A missing or infinite feature makes no finite rate safe; leave it to the trainer's own handling.
            if (double.IsFinite(squared))
            {
                largest = Math.Max(largest, squared);
            }
        }

        return (float)Math.Min(preferred, 1 / (2 * (largest + 1)));
    }
}
