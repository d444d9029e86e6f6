using AdaptGate.Core.Data;

namespace AdaptGate.Core.Multivariate;

/// <summary>Builds the <see cref="FeatureMatrix"/> from the named columns of both tables.</summary>
internal static class FeatureEncoder
{
    /// <summary>
    /// Encodes each named column found in both tables. Left out: a column missing from either side,
    /// a datetime column (it tells periods apart by construction, so it would always separate),
    /// a column that is numeric on one side and text on the other (the schema check reports that),
    /// and a column with no value in either sample (it carries nothing).
    /// </summary>
    public static FeatureMatrix Encode(DataTable reference, int[] referenceRows, DataTable current, int[] currentRows, IEnumerable<string> featureColumns)
    {
        var isCurrent = new bool[referenceRows.Length + currentRows.Length];
        Array.Fill(isCurrent, true, referenceRows.Length, currentRows.Length);

        var columns = new List<string>();
        var slots = new List<float[]>();
        var owners = new List<int>();
        foreach (var name in featureColumns.Distinct(StringComparer.Ordinal))
        {
            var added = (reference.Find(name), current.Find(name)) switch
            {
                (NumericColumn { Kind: ColumnKind.Numeric } r, NumericColumn { Kind: ColumnKind.Numeric } c) =>
                    NumericFeatureEncoder.Encode(r, referenceRows, c, currentRows, slots),
                (CategoricalColumn r, CategoricalColumn c) =>
                    CategoricalFeatureEncoder.Encode(r, referenceRows, c, currentRows, slots),
                _ => 0,
            };

            if (added == 0)
            {
                continue;
            }

            for (var i = 0; i < added; i++)
            {
                owners.Add(columns.Count);
            }

            columns.Add(name);
        }

        return new FeatureMatrix(columns, slots, owners, isCurrent);
    }
}
