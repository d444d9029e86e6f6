using AdaptGate.Core.Data;

namespace AdaptGate.Core.Multivariate;

/// <summary>A categorical or boolean column as one-hot slots over the categories of both sides.</summary>
internal static class CategoricalFeatureEncoder
{
    /// <summary>
    /// The most frequent categories get a slot each; the rest share one "other" slot, so an
    /// identifier-like column cannot blow up the width (and the training time) of the matrix.
    /// </summary>
    public const int MaxCategorySlots = 50;

    /// <summary>
    /// Categories are matched by their text, since each file has its own dictionary of codes.
    /// Slots are the <see cref="MaxCategorySlots"/> most frequent categories of both samples together
    /// (ties by ordinal text, so the layout is deterministic), then "other" when categories were cut,
    /// then "missing" when values are missing.
    /// </summary>
    /// <returns>The number of slots added: 0 when the column has no value in either sample.</returns>
    public static int Encode(CategoricalColumn reference, int[] referenceRows, CategoricalColumn current, int[] currentRows, List<float[]> slots)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = Count(reference, referenceRows, counts) + Count(current, currentRows, counts);
        if (counts.Count == 0)
        {
            return 0;
        }

        var kept = counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(MaxCategorySlots)
            .Select((pair, slot) => (pair.Key, slot))
            .ToDictionary(pair => pair.Key, pair => pair.slot, StringComparer.Ordinal);

        var otherSlot = counts.Count > kept.Count ? kept.Count : -1;
        var width = kept.Count + (otherSlot >= 0 ? 1 : 0);
        var missingSlot = missing > 0 ? width++ : -1;

        var n = referenceRows.Length + currentRows.Length;
        var added = new float[width][];
        for (var s = 0; s < width; s++)
        {
            added[s] = new float[n];
        }

        Fill(reference, referenceRows, 0, SlotOfCode(reference, kept, otherSlot), missingSlot, added);
        Fill(current, currentRows, referenceRows.Length, SlotOfCode(current, kept, otherSlot), missingSlot, added);
        slots.AddRange(added);
        return width;
    }

    private static int Count(CategoricalColumn column, int[] rows, Dictionary<string, int> counts)
    {
        var missing = 0;
        foreach (var row in rows)
        {
            var code = column.Codes[row];
            if (code == CategoricalColumn.MissingCode)
            {
                missing++;
                continue;
            }

            var category = column.Categories[code];
            counts[category] = counts.GetValueOrDefault(category) + 1;
        }

        return missing;
    }

    /// <summary>The slot of each of the column's own codes, resolved once instead of once per row.</summary>
    private static int[] SlotOfCode(CategoricalColumn column, Dictionary<string, int> kept, int otherSlot)
    {
        var slotOfCode = new int[column.Categories.Length];
        for (var code = 0; code < slotOfCode.Length; code++)
        {
            slotOfCode[code] = kept.TryGetValue(column.Categories[code], out var slot) ? slot : otherSlot;
        }

        return slotOfCode;
    }

    private static void Fill(CategoricalColumn column, int[] rows, int offset, int[] slotOfCode, int missingSlot, float[][] slots)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var code = column.Codes[rows[i]];
            var slot = code == CategoricalColumn.MissingCode ? missingSlot : slotOfCode[code];
            slots[slot][offset + i] = 1;
        }
    }
}
