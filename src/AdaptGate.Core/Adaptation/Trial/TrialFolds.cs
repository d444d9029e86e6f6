namespace AdaptGate.Core.Adaptation.Trial;

/// <summary>
/// The trial's blocks: the last <c>share</c> of the current rows cut into <c>folds</c> blocks in file order, each
/// scored by the actions adapted on every row before it, so later blocks are judged by models that saw more of the
/// current rows, as the deployed action will have seen all of them.
/// </summary>
internal static class TrialFolds
{
    /// <summary>One block: adapt on the first <c>Rows</c> − its own rows, score on its own, the last <c>Holdout</c> share of <c>Rows</c>.</summary>
    public readonly record struct Fold(int Rows, double Holdout);

    public static IReadOnlyList<Fold> Plan(int rows, double share, int folds)
    {
        if (folds <= 1)
        {
            return [new Fold(rows, share)];
        }

        var scoredStart = rows - (int)Math.Round(rows * share);
        var plan = new List<Fold>(folds);
        var start = scoredStart;
        for (var f = 1; f <= folds; f++)
        {
            var end = scoredStart + (int)Math.Round((rows - scoredStart) * (double)f / folds);
            if (end > start)
            {
                plan.Add(new Fold(end, (end - start) / (double)end));
            }

            start = end;
        }

        return plan;
    }
}
