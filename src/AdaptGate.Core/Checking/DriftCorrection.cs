using AdaptGate.Core.Drift;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>Applies the policy's multiple-testing correction to the feature columns tested with p-values.</summary>
internal static class DriftCorrection
{
    public static ColumnDrift[] Apply(ColumnDrift[] columns, PValueCorrection correction)
    {
        if (correction == PValueCorrection.None)
        {
            return columns;
        }

        var tested = Enumerable.Range(0, columns.Length).Where(i => columns[i].PValue is not null).ToArray();
        var adjusted = PValueAdjustment.Adjust(tested.Select(i => columns[i].PValue!.Value).ToArray(), correction);

        var result = (ColumnDrift[])columns.Clone();
        for (var k = 0; k < tested.Length; k++)
        {
            var column = columns[tested[k]];
            result[tested[k]] = column with { AdjustedPValue = adjusted[k], Drifted = adjusted[k] < column.Threshold };
        }

        return result;
    }
}
