using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// The labeled rows of both files, split once (seeded) into the slices every candidate shares:
/// training rows, held-out rows to measure on, and the replay sample a fine-tune mixes in.
/// </summary>
internal sealed class AdaptData
{
    private AdaptData(DataTable referenceTrain, DataTable referenceHoldout, DataTable currentTrain, DataTable currentHoldout, DataTable replay)
    {
        ReferenceTrain = referenceTrain;
        ReferenceHoldout = referenceHoldout;
        CurrentTrain = currentTrain;
        CurrentHoldout = currentHoldout;
        Replay = replay;
    }

    public DataTable ReferenceTrain { get; }

    /// <summary>Held-out reference rows, or the reference validation file when one was given.</summary>
    public DataTable ReferenceHoldout { get; }

    public DataTable CurrentTrain { get; }

    /// <summary>Held-out current rows, or the validation file when one was given.</summary>
    public DataTable CurrentHoldout { get; }

    public DataTable Replay { get; }

    /// <summary>Current training rows plus the replay sample: what a fine-tune learns from.</summary>
    public DataTable FineTuneRows => TableRows.Concat(CurrentTrain.SourcePath, [CurrentTrain, Replay]);

    /// <summary>Reference plus current training rows: what a retrain learns from.</summary>
    public DataTable RetrainRows => TableRows.Concat(CurrentTrain.SourcePath, [ReferenceTrain, CurrentTrain]);

    /// <summary>The training rows of the policy's retrain window, and how many come from each file.</summary>
    public (DataTable Rows, int ReferenceRows, int CurrentRows) Retrain(RetrainWindow window)
    {
        var (reference, current) = window.Kind switch
        {
            RetrainWindowKind.Current => (0, CurrentTrain.RowCount),
            RetrainWindowKind.Last => (Math.Clamp(window.Last - CurrentTrain.RowCount, 0, ReferenceTrain.RowCount), Math.Min(window.Last, CurrentTrain.RowCount)),
            _ => (ReferenceTrain.RowCount, CurrentTrain.RowCount),
        };
        if (reference == ReferenceTrain.RowCount && current == CurrentTrain.RowCount)
        {
            return (RetrainRows, reference, current);
        }

        // The newest rows are the last of each file: the window keeps the tail of reference-then-current.
        var referenceTail = TableRows.Take(ReferenceTrain, Enumerable.Range(ReferenceTrain.RowCount - reference, reference).ToArray());
        var currentTail = TableRows.Take(CurrentTrain, Enumerable.Range(CurrentTrain.RowCount - current, current).ToArray());
        return (reference == 0 ? currentTail : TableRows.Concat(CurrentTrain.SourcePath, [referenceTail, currentTail]), reference, current);
    }

    public SplitRows Counts => new(ReferenceTrain.RowCount, ReferenceHoldout.RowCount, CurrentTrain.RowCount, CurrentHoldout.RowCount);

    // A reference validation file (reference-like rows the original model never saw) is measured on
    // instead of a held-out reference slice, and the reference is then trained on whole.
    public static AdaptData Split(DataTable reference, DataTable current, DataTable? validation, DataTable? referenceValidation, string label, AdaptRequest request, int seed)
    {
        var (referenceTrain, referenceHoldout) = referenceValidation is null
            ? RowSplit.Holdout(Labeled(reference, label), request.ReferenceHoldout ?? request.Holdout, seed, reference: true)
            : (Labeled(reference, label), []);
        var (currentTrain, currentHoldout) = validation is not null
            ? (Labeled(current, label), [])
            : request.Split == HoldoutSplit.Time
                ? RowSplit.Last(Labeled(current, label), request.Holdout)
                : RowSplit.Holdout(Labeled(current, label), request.Holdout, seed, reference: false);
        var replay = RowSplit.Replay(referenceTrain, currentTrain.Length, request.Replay, seed);
        return new AdaptData(
            TableRows.Take(reference, referenceTrain),
            referenceValidation is null ? TableRows.Take(reference, referenceHoldout) : TableRows.Take(referenceValidation, Labeled(referenceValidation, label)),
            TableRows.Take(current, currentTrain),
            validation is null ? TableRows.Take(current, currentHoldout) : TableRows.Take(validation, Labeled(validation, label)),
            TableRows.Take(reference, replay));
    }

    private static int[] Labeled(DataTable table, string label)
    {
        var column = table.Find(label)!;
        return Enumerable.Range(0, table.RowCount).Where(r => !ColumnValues.IsMissing(column, r)).ToArray();
    }
}
