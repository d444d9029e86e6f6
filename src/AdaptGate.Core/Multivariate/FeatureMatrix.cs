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
}
