using System.Globalization;
using AdaptGate.Core.Adaptation.Recipes;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.History;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// The one entry point of <c>adaptgate adapt</c>: load the model and both files, split them (seeded),
/// train the candidates the action asks for, measure each against the unchanged model on held-out
/// rows, write the chosen model, and return the report. Nothing here prints or exits.
/// </summary>
public static class AdaptRunner
{
    /// <exception cref="InputException">A file is missing or malformed, the model cannot be adapted as asked, or an option is out of range.</exception>
    public static AdaptReport Run(AdaptRequest request, CancellationToken cancellationToken = default) => Outcome(request, cancellationToken).Report;

    /// <summary>As <see cref="Run"/>, with each measured candidate's scored rows (the decision benchmark resamples them).</summary>
    internal static AdaptOutcome Outcome(AdaptRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var policy = PolicySource.Load(request.PolicyPath);
        AdaptFiles.RefuseOutputOverInput(request, policy);
        var recipeFile = request.RecipePath is { } recipePath ? RecipeRetrains.Read(recipePath) : null;
        var label = request.LabelColumn ?? policy.Target.Label ?? recipeFile?.Label ?? throw new InputException(
            "adapt needs the label column to train on.", request.CurrentPath, hint: "Pass --label COLUMN (or set target.label in the policy).");

        var options = new TableReadOptions { Delimiter = request.Delimiter, HasHeader = policy.Input.Header, ColumnNames = policy.Input.ColumnNames, MissingValues = policy.Input.NaValues };
        var reference = RequireLabel(TableReader.Read(request.ReferencePath, options, cancellationToken), label);
        var current = RequireLabel(TableReader.Read(request.CurrentPath, options, cancellationToken), label);
        var validation = request.ValidationPath is { } v ? RequireLabel(TableReader.Read(v, options, cancellationToken), label) : null;
        var referenceValidation = request.ReferenceValidationPath is { } rv ? RequireLabel(TableReader.Read(rv, options, cancellationToken), label) : null;
        return Adapt(request, policy, label, reference, current, validation, referenceValidation, cancellationToken, recipeFile);
    }

    /// <summary>
    /// Adapts on tables already in memory: the check's trial passes the rows it read once (a pipe cannot be
    /// read again). The evidence is each measured candidate's scored rows on the held-out current rows.
    /// </summary>
    internal static AdaptOutcome Adapt(
        AdaptRequest request, GatePolicy policy, string label, DataTable reference, DataTable current, DataTable? validation, DataTable? referenceValidation, CancellationToken cancellationToken,
        Recipes.TrainingRecipe? recipeFile = null)
    {
        var positiveClass = request.PositiveClass ?? policy.Target.PositiveClass;
        var ml = new MLContext(seed: policy.Seed);
        var model = ModelAnatomy.Load(ml, request.ModelPath);
        var output = model.Whole.GetOutputSchema(model.InputSchema);
        var task = ModelOutputTask.Infer(output) ?? throw new InputException(
            $"cannot tell the task from the model's output columns ({ModelOutputTask.Describe(output)})", request.ModelPath,
            hint: "adapt works on binary, multiclass and regression models with ML.NET's standard output columns.");
        var classes = task == MetricTask.Multiclass
            ? ModelClassLabels.Read(output) ?? throw new InputException(
                "the model's output does not name its classes", request.ModelPath, hint: "Train with MapValueToKey on the label so the model keeps its class names.")
            : null;
        var primary = policy.Metrics.Primary is { } named ? MetricNames.Normalize(named) : MetricDefaults.Primary(task, ModelOutputTask.HasProbability(output));
        if (task == MetricTask.Binary)
        {
            RequireSameTwoClasses(label, positiveClass, reference, current, validation, referenceValidation);
        }

        var parameters = model.Predictor.Model;
        if (request.Action == AdaptAction.FineTune && TreeFamily.Of(parameters) is { } family)
        {
            throw new InputException(
                $"{family} (a tree ensemble) cannot continue training: ML.NET grows trees only from scratch, so a fine-tune has no weights to start from.",
                request.ModelPath, hint: $"Use --action retrain, which trains a new {family} on the reference and current rows.");
        }

        var recipe = TrainerRecipe.For(parameters, request.ModelPath);
        var fromRecipe = recipeFile is null ? null : RecipeRetrains.Bind(recipeFile, request.RecipePath!, label, reference, current, task, classes, positiveClass, request.ModelPath, policy.Seed);
        CheckReport? check = null;
        var warnings = new List<string>();
        var (wanted, reason) = Plan(request, recipe, policy, label, ref check, warnings, cancellationToken);

        var (referenceFilled, currentFilled, removed) = RemovedFeatures.Fill(model.InputSchema, reference, current, label);
        if (validation is not null)
        {
            (_, validation, _) = RemovedFeatures.Fill(model.InputSchema, reference, validation, label);
        }

        if (referenceValidation is not null)
        {
            (_, referenceValidation, _) = RemovedFeatures.Fill(model.InputSchema, reference, referenceValidation, label);
        }

        var data = AdaptData.Split(referenceFilled, currentFilled, validation, referenceValidation, label, request, policy.Seed);
        var measure = new CandidateMeasure(ml, model, label, positiveClass, task, primary, data, request.ModelPath, cancellationToken);
        var trainer = new CandidateTrainer(model, recipe, task, classes, label, positiveClass, request.ModelPath, policy.Seed, request.Budget, fromRecipe);
        var window = RetrainWindow.Parse(policy.Retrain.Window);

        var unchanged = measure.Unchanged();
        var candidates = new List<CandidateResult> { unchanged.Result };
        var trained = new Dictionary<Verdict, (ITransformer Model, DataViewSchema InputSchema)>();
        foreach (var action in wanted)
        {
            var (rows, referenceRows, currentRows) = action == Verdict.FineTune ? (data.FineTuneRows, data.Replay.RowCount, data.CurrentTrain.RowCount) : data.Retrain(window);
            var (adapted, inputSchema, seconds, note) = trainer.Train(action, rows, cancellationToken);
            if (adapted is null)
            {
                candidates.Add(new CandidateResult(action, note!.StartsWith("not", StringComparison.Ordinal) ? "not-run" : "stopped",
                    referenceRows, currentRows, null, null, null, Round(seconds), note));
                continue;
            }

            trained[action] = (adapted, inputSchema);
            candidates.Add(measure.Trained(action, adapted, inputSchema, referenceRows, currentRows, Round(seconds), unchanged));
        }

        if (request.Action == AdaptAction.Compare && recipe.CannotFineTune is { } refusal)
        {
            candidates.Insert(1, new CandidateResult(Verdict.FineTune, "not-run", 0, 0, null, null, null, null, refusal));
        }

        var measured = candidates.Where(c => c.Current is not null).Select(c => (c.Action, c.Current!.Value)).ToArray();
        var tolerance = request.Tolerance ?? Recommendation.DefaultTolerance(primary);
        var recommended = Recommendation.Pick(measured, primary, tolerance);
        if (request.Action == AdaptAction.Compare)
        {
            var shortfalls = CandidateShortfalls.Measure(measured, measure.Evidence, primary, policy);
            candidates = [.. candidates.Select(c => shortfalls.TryGetValue(c.Action, out var s) ? c with { Shortfall = s.Value, ShortfallLow = s.Low, ShortfallHigh = s.High } : c)];
            recommended = CandidateShortfalls.Recommend(shortfalls, tolerance, policy);
        }

        var performed = request.Action == AdaptAction.Compare ? recommended ?? Verdict.Skip : wanted.Count == 0 ? Verdict.Skip : wanted[^1];
        var completed = performed == Verdict.Skip || trained.ContainsKey(performed);
        if (request.Action == AdaptAction.Compare)
        {
            reason = recommended is { } r
                ? $"{r.Name()} is the cheapest candidate within {Recommendation.Describe(tolerance, primary)} on the held-out current rows{CredibleClause(policy.Decision.Credibility)}"
                : "nothing was measured (--holdout 0 and no --validation): no recommendation";
        }

        var forgettingBaseline = data.ReferenceHoldout.RowCount == 0 ? null : referenceValidation is null ? "in-sample" : "out-of-sample";
        Warn(warnings, candidates, performed, primary, forgettingBaseline);
        string? written = null;
        string? updatedRecipe = null;
        if (!completed)
        {
            warnings.Add($"The {performed.Name()} did not finish within the time budget: no model was written.");
            performed = Verdict.Skip;
        }
        else if (performed != Verdict.Skip && request.OutputPath is { } path)
        {
            ModelFile.Save(ml, trained[performed].Model, trained[performed].InputSchema, path);
            written = path;
            if (performed == Verdict.Retrain && fromRecipe is not null)
            {
                updatedRecipe = RecipeRetrains.WriteUpdated(fromRecipe.Bound, path);
            }

            if (request.RecordHistory)
            {
                // The reference places the action in its gate's streak, beside the check that asked for it;
                // with the current file, a rerun of the same adapt counts once.
                new HistoryLog(request.HistoryPath ?? policy.History.Path, request.Clock).AppendAction(
                    performed,
                    policy.History.Gate,
                    new HistoryFile(request.ReferencePath, FileHash.Sha256(request.ReferencePath)),
                    new HistoryFile(request.CurrentPath, FileHash.Sha256(request.CurrentPath)));
            }
        }

        var retrainSection = wanted.Contains(Verdict.Retrain) ? RecipeRetrains.Section(fromRecipe?.Bound, policy.Retrain.Window, recipe.Name, updatedRecipe, warnings) : null;
        var section = new AdaptationSection(
            request.Action,
            performed,
            completed,
            reason,
            new ModelSection(request.ModelPath, task.ToString().ToLowerInvariant(), recipe.Name, model.FeatureColumn, recipe.CannotFineTune is null),
            primary,
            new AdaptSettings(request.Replay, request.Holdout, tolerance, policy.Seed, request.Budget?.TotalSeconds)
            {
                ToleranceKind = Recommendation.IsRelative(primary) ? "relative" : "absolute",
                Split = request.Split,
                ReferenceHoldout = request.ReferenceHoldout ?? request.Holdout,
            },
            data.Counts,
            candidates,
            recommended,
            written,
            removed,
            warnings)
        {
            ForgettingBaseline = forgettingBaseline,
            Retrain = retrainSection,
        };
        return new AdaptOutcome(new AdaptReport(ReportVersion.Current, section, check), measure.Evidence);
    }

    private static string CredibleClause(MetricCredibility credibility) => credibility switch
    {
        MetricCredibility.Point => string.Empty,
        MetricCredibility.Interval => ", or short of it by more with an interval that holds zero (decision.credibility interval)",
        _ => ", or not surely short of it: its shortfall's interval reaches it (decision.credibility lower-bound-past-threshold)",
    };

    /// <summary>Which candidates to train, in order (the cheaper first, so a budget cuts the costlier), and why.</summary>
    private static (List<Verdict> Wanted, string Reason) Plan(
        AdaptRequest request, TrainerRecipe recipe, GatePolicy policy, string label, ref CheckReport? check, List<string> warnings, CancellationToken cancellationToken)
    {
        switch (request.Action)
        {
            case AdaptAction.FineTune:
                return ([Verdict.FineTune], "fine-tune was asked for");
            case AdaptAction.Retrain:
                return ([Verdict.Retrain], "retrain was asked for");
            case AdaptAction.Compare:
                return (recipe.CannotFineTune is null ? [Verdict.FineTune, Verdict.Retrain] : [Verdict.Retrain], string.Empty);
        }

        check = CheckRunner.Run(
            new CheckRequest
            {
                ReferencePath = request.ReferencePath,
                CurrentPath = request.CurrentPath,
                PolicyPath = request.PolicyPath,
                Delimiter = request.Delimiter,
                LabelColumn = label,
                PositiveClass = request.PositiveClass,
                ModelPath = request.ModelPath,
                HistoryPath = request.HistoryPath,
                RecordHistory = request.RecordHistory,
                Clock = request.Clock,
            },
            cancellationToken);
        var why = check.Reasons.Count > 0 ? $" ({check.Reasons[0].Rule}: {check.Reasons[0].Message})" : string.Empty;
        switch (check.Verdict)
        {
            case Verdict.Skip:
                return ([], $"the check's verdict is skip{why}: the model stays as it is and no model is written");
            case Verdict.FineTune when recipe.CannotFineTune is not null:
                warnings.Add("The check's verdict is fine-tune, but a tree model cannot fine-tune: it was retrained instead.");
                return ([Verdict.Retrain], $"the check's verdict is fine-tune{why}; a tree model can only be retrained");
            default:
                return ([check.Verdict], $"the check's verdict is {check.Verdict.Name()}{why}");
        }
    }

    /// <summary>
    /// Forgetting warns past 0.05 of a score, or past 5% of an error's unchanged value (an error has no
    /// fixed scale). Against an in-sample baseline part of the loss is the original model's optimism on
    /// rows it was trained on, and the warning says so.
    /// </summary>
    private static void Warn(List<string> warnings, List<CandidateResult> candidates, Verdict performed, string primary, string? forgettingBaseline)
    {
        var before = candidates[0].Current;
        var chosen = candidates.Find(c => c.Action == performed && c.Status == "trained");
        if (before is { } b && chosen?.Current is { } after && (MetricDirection.HigherIsBetter(primary) ? after < b : after > b))
        {
            warnings.Add($"The {performed.Name()} model scores worse than the unchanged model on the held-out current rows ({primary} {Number(after)} against {Number(b)}).");
        }

        var relative = Recommendation.IsRelative(primary);
        var unchangedReference = candidates[0].Reference;
        if (chosen?.Forgetting is { } forgot && (relative ? unchangedReference is { } u && forgot > 0.05 * Math.Abs(u) : forgot > 0.05))
        {
            var share = relative && unchangedReference is { } baseline && baseline != 0 ? $" ({Number(100 * forgot / Math.Abs(baseline))}% more error)" : string.Empty;
            warnings.Add(forgettingBaseline == "out-of-sample"
                ? $"The {performed.Name()} model lost {Number(forgot)} {primary}{share} on the reference validation rows, which neither model was trained on: it forgot part of what it knew."
                : $"The {performed.Name()} model lost {Number(forgot)} {primary}{share} on the held-out reference rows, against the unchanged model's score on those same rows, which it was trained on: " +
                  "that baseline is in-sample (optimistic), so part of the loss is not forgetting. Pass --reference-validation with reference-like rows the original model never saw to measure it out of sample.");
        }
    }

    /// <summary>A tree ensemble, bare or inside a calibrator (whose SubModel property is declared at two levels, hence the search by name).</summary>
    private static DataTable RequireLabel(DataTable table, string label)
    {
        var column = table.Find(label) ?? throw new InputException(
            $"The label column '{label}' is not in this file.", table.SourcePath, line: 1,
            hint: $"Column names are case-sensitive; the file has: {string.Join(", ", table.Columns.Take(8).Select(c => $"'{c.Name}'"))}.");
        if (column.MissingCount == column.Length)
        {
            throw new InputException("The label column has no values.", table.SourcePath, column: label, hint: "adapt trains on labeled rows: point --label at the column with the true outcome.");
        }

        return table;
    }

    /// <summary>
    /// The files are split and mixed before training, and a slice no longer knows its rows' lines: a bad
    /// label value is found here, on the whole files, so the message names the file and line it is on.
    /// </summary>
    private static void RequireSameTwoClasses(string label, string? positiveClass, DataTable reference, params DataTable?[] others)
    {
        var classes = BinaryClasses.Resolve(reference.Find(label)!, positiveClass, reference.SourcePath);
        foreach (var table in others)
        {
            if (table is null)
            {
                continue;
            }

            var column = table.Find(label)!;
            BinaryClasses.Resolve(column, positiveClass, table.SourcePath);
            for (var row = 0; row < column.Length; row++)
            {
                if (!ColumnValues.IsMissing(column, row))
                {
                    classes.IsPositive(column, row, table.SourcePath);
                }
            }
        }
    }

    private static void Validate(AdaptRequest request)
    {
        if (!double.IsFinite(request.Replay) || request.Replay < 0 || request.Replay > 10)
        {
            throw new InputException($"--replay must be between 0 and 10 (a share of the current training rows), not {Number(request.Replay)}.", hint: "0.2 mixes in 200 reference rows per 1,000 current rows.");
        }

        if (!double.IsFinite(request.Holdout) || request.Holdout < 0 || request.Holdout > 0.5)
        {
            throw new InputException($"--holdout must be between 0 and 0.5, not {Number(request.Holdout)}.", hint: "0.2 keeps a fifth of each file aside to measure on.");
        }

        if (request.ReferenceHoldout is { } referenceHoldout && (!double.IsFinite(referenceHoldout) || referenceHoldout < 0 || referenceHoldout > 0.5))
        {
            throw new InputException($"--reference-holdout must be between 0 and 0.5, not {Number(referenceHoldout)}.", hint: "0 trains on the whole reference and measures no forgetting; 0.2 keeps a fifth of it aside.");
        }

        if (request.Tolerance is { } tolerance && (!double.IsFinite(tolerance) || tolerance < 0))
        {
            throw new InputException($"--tolerance must be a number >= 0, not {Number(tolerance)}.", hint: "0.01 for a score such as auc (in its units), 0.02 for an error such as rmse (2% of the best).");
        }

        if (request.Budget is { } budget && budget <= TimeSpan.Zero)
        {
            throw new InputException("--budget-seconds must be positive.");
        }
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
