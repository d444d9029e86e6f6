namespace AdaptGate.Core.Multivariate;

/// <summary>
/// The sampled rows of both sides as numeric feature slots, reference rows first. A file column
/// becomes one slot or several (one-hot categories, a missing-value flag); <see cref="SlotOwner"/>
/// maps each slot back to its column so importances can be reported per column.
/// </summary>
internal sealed class FeatureMatrix
{
    public FeatureMatrix(IReadOnlyList<string> columns, IReadOnlyList<float[]> slots, IReadOnlyList<int> slotOwner, bool[] isCurrent)
    {
        Columns = columns;
        Slots = slots;
        SlotOwner = slotOwner;
        IsCurrent = isCurrent;
    }

    /// <summary>The columns that made it into the matrix, in the caller's order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One array per slot, one value per row.</summary>
    public IReadOnlyList<float[]> Slots { get; }

    /// <summary>For each slot, the index in <see cref="Columns"/> of the column it came from.</summary>
    public IReadOnlyList<int> SlotOwner { get; }

    /// <summary>The class to learn: true for a current row, false for a reference row.</summary>
    public bool[] IsCurrent { get; }

    public int Rows => IsCurrent.Length;

    /// <summary>The slots' names in an ML.NET view: Slot0, Slot1, ...</summary>
    public IReadOnlyList<string> SlotNames => [.. Enumerable.Range(0, Slots.Count).Select(SlotName)];

    /// <summary>The slots of <paramref name="rows"/> as view columns named <see cref="SlotNames"/>.</summary>
    public List<Metrics.ViewColumn> SlotColumns(int[] rows) =>
        [.. Enumerable.Range(0, Slots.Count).Select(s => new Metrics.ViewColumn(SlotName(s), Microsoft.ML.Data.NumberDataViewType.Single, Subset(Slots[s], rows)))];

    /// <summary>The values of <paramref name="rows"/>, in their order.</summary>
    public static T[] Subset<T>(T[] values, int[] rows)
    {
        var subset = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            subset[i] = values[rows[i]];
        }

        return subset;
    }

    private static string SlotName(int slot) => "Slot" + slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
