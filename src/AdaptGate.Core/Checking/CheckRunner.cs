using System.Collections.Concurrent;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Schema;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Checking;

/// <summary>
/// The one entry point both doors (the tool and the MSBuild task) call: load, compare schemas,
/// test drift per column, gather metrics, decide, and return the report. Nothing here prints or exits.
/// </summary>
public static class CheckRunner
{
    /// <exception cref="InputException">A file is missing or malformed, the policy is invalid, or the request names columns that are not there.</exception>
    public static CheckReport Run(CheckRequest request, CancellationToken cancellationToken = default)
    {
        var policy = PolicySource.Load(request.PolicyPath);
        CheckFiles.RefuseOutputOverInput(request, policy);
        var options = CheckSettings.ReadOptions(policy, request);

        // Two data files are read at once, so they share the cores: one file parsed on every core beside another
        // gains no time and holds a second set of chunk buffers. One file to read (the other a profile) takes them all.
        if (CheckSideReader.IsRows(request.ReferencePath) && CheckSideReader.IsRows(request.CurrentPath))
        {
            options = options with { Chunking = Data.Loading.DelimitedChunking.ForThisMachine().Shared(ways: 2) };
        }

        // The two files are independent: reading them at once halves the wait on two cores.
        request.Progress?.Report(new CheckProgress(CheckPhase.LoadingReference));
        var referenceTask = Task.Run(() => CheckSideReader.Read(request.ReferencePath, options, cancellationToken, request.SqlLogin), cancellationToken);
        var currentTask = CheckSideReader.IsSql(request.CurrentPath)
            ? null
            : Task.Run(() => CheckSideReader.Read(request.CurrentPath, options, cancellationToken, request.SqlLogin), cancellationToken);
        var reference = Await(referenceTask);
        request.Progress?.Report(new CheckProgress(CheckPhase.LoadingCurrent));

        // A SQL source's numbers are counted under the reference's plans inside its engine, so it waits for the reference.
        var current = currentTask is null ? CheckSideReader.Read(request.CurrentPath, options, cancellationToken, request.SqlLogin, reference) : Await(currentTask);

        var history = CheckHistory.Open(request, policy, reference.ContentSha256, current.ContentSha256);
        var report = Compare(request, policy, reference, current, history.FineTunesSinceLastRetrain, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return history.Record(report, request);
    }

    /// <summary>Runs the check on tables already in memory (tests, callers with their own loaders); touches no history.</summary>
    public static CheckReport Compare(CheckRequest request, GatePolicy policy, DataTable reference, DataTable current, int fineTunesSinceLastRetrain = 0, CancellationToken cancellationToken = default) =>
        Compare(request, policy, CheckSide.Of(reference), CheckSide.Of(current), fineTunesSinceLastRetrain, cancellationToken);

    /// <summary>As the tables' overload, on sides that may be profiles (docs/profiles.md): what needs rows a profile lacks is reported not run.</summary>
    internal static CheckReport Compare(CheckRequest request, GatePolicy policy, CheckSide reference, CheckSide current, int fineTunesSinceLastRetrain = 0, CancellationToken cancellationToken = default)
    {
        var settings = new CheckSettings(policy, request);
        var warnings = new List<string>([.. reference.Warnings, .. current.Warnings]);
        var notRun = new NotRunSteps();
        ValidateColumns(settings, reference, current, warnings);
        ProfiledBaseline.RequireRoles(settings, reference);
        ProfiledBaseline.RequireRoles(settings, current);
        if (TargetLikeColumns.Warning(settings, reference) is { } targetWarning)
        {
            warnings.Add(targetWarning);
        }

        reference = reference.WithKinds(settings);
        current = current.WithKinds(settings);

        var (shared, onlyInReference, onlyInCurrent, kindMismatches) = SchemaComparer.Align(reference, current);
        if (shared.Count == 0)
        {
            throw new InputException(
                $"The reference and current files have no column in common (reference: {Preview(reference)}; current: {Preview(current)}).",
                request.CurrentPath,
                line: 1,
                hint: string.Join(" ", ["Check that both files are the same dataset and use the same delimiter (--delimiter).", .. reference.Warnings, .. current.Warnings]));
        }

        var classProbabilities = ProbabilityColumns.Resolve(settings.ProbabilitySpec, [.. reference.Columns.Select(c => c.Name)], reference.SourcePath);
        RequireInCurrent(classProbabilities, current);
        var targets = new HashSet<string>(settings.TargetColumns.Concat(classProbabilities?.Columns ?? []), StringComparer.Ordinal);
        var notFeatures = new HashSet<string>(settings.Ignored, StringComparer.Ordinal);
        notFeatures.UnionWith(targets);
        var comparer = new ColumnComparer(settings);
        var features = shared.Where(pair => !notFeatures.Contains(pair.Reference.Name)).ToArray();

        // Columns are independent; each result lands in its own slot, so the order (and every
        // digit) is the same as a sequential run.
        var comparisons = new ColumnComparison[features.Length];
        var tested = 0;
        request.Progress?.Report(new CheckProgress(CheckPhase.TestingDrift, 0, features.Length));
        Parallel.ForEach(
            Partitioner.Create(ComparisonSchedule.LongestFirst(features), EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = request.MaxDegreeOfParallelism },
            i =>
            {
                comparisons[i] = CompareColumns(comparer, reference, current, features[i].Reference.Name);
                request.Progress?.Report(new CheckProgress(CheckPhase.TestingDrift, Interlocked.Increment(ref tested), features.Length));
            });

        // A signal during the last columns' tests is seen here, not after the report is written.
        cancellationToken.ThrowIfCancellationRequested();
        var columns = DriftCorrection.Apply(
            comparisons.Where(c => c.Drift is not null).Select(c => c.Drift!).ToArray(),
            policy.Drift.Correction);
        var excluded = shared.Where(pair => settings.Ignored.Contains(pair.Reference.Name) && !targets.Contains(pair.Reference.Name))
            .Select(pair => new ExcludedColumn(pair.Reference.Name, "ignored on request"))
            .Concat(comparisons.Where(c => c.Excluded is not null).Select(c => c.Excluded!))
            .Concat(reference.SkippedColumns.Select(s => new ExcludedColumn(s.Name, s.Reason)))
            .ToArray();

        var classes = IsClassification(settings, reference);
        var labelDrift = CompareTarget(comparer, reference, current, settings.Label, classes);
        if (classes && labelDrift is { Score: not null } && reference.ClassCounts(settings.Label!) is { } referenceLabel && current.ClassCounts(settings.Label!) is { } currentLabel)
        {
            labelDrift = LabelShareTest.Apply(labelDrift, referenceLabel, currentLabel, policy.Rules.TargetDrift, settings.PositiveClass);
        }

        var target = new TargetSection(
            labelDrift,
            CompareTarget(comparer, reference, current, settings.Prediction, classes),
            CompareTarget(comparer, reference, current, settings.Probability, asCategories: false))
        {
            ClassProbabilities = [.. (classProbabilities?.Columns ?? []).Select(name => CompareTarget(comparer, reference, current, name, asCategories: false)).OfType<ColumnDrift>()],
        };

        var schema = new SchemaSection(
            onlyInReference,
            onlyInCurrent,
            kindMismatches,
            comparisons.Where(c => c.Unseen is not null).Select(c => c.Unseen!).ToArray(),
            shared.Select(pair => new ColumnMissing(pair.Reference.Name, pair.Reference.MissingRate, pair.Current.MissingRate, pair.Current.MissingRate - pair.Reference.MissingRate)).ToArray(),
            excluded);

        var drift = Summarize(settings, columns);
        request.Progress?.Report(new CheckProgress(CheckPhase.Metrics));
        var metrics = MetricsGatherer.Gather(settings, reference, current, warnings, notRun, cancellationToken);
        if (columns.Length == 0)
        {
            var why = NoFeatureColumns.Explain(reference, current, settings, excluded, onlyInReference, onlyInCurrent);
            if (metrics is null)
            {
                throw new InputException(
                    $"No feature column of {reference.SourcePath} and {current.SourcePath} can be compared for drift, so the check would compare nothing: {why}.",
                    hint: "A file read as one column may use another delimiter (pass --delimiter); a column left out can be compared by setting its kind in the policy (columns.NAME.kind), or give metrics (--label with --prediction, --model or --metrics) to decide on them alone.");
            }

            warnings.Add($"No feature column can be compared for drift, so only the metrics decide: {why}.");
        }

        if (metrics is not null && reference.Table is { } referenceRows && current.Table is { } currentRows)
        {
            if ((PerformanceDecomposer.Decompose(settings, referenceRows, currentRows, metrics)
                    ?? MulticlassDecomposer.Decompose(settings, referenceRows, currentRows, metrics, classProbabilities)
                    ?? RegressionDecomposer.Decompose(settings, referenceRows, currentRows, metrics, [.. features.Select(f => f.Reference.Name)], cancellationToken)) is { } decomposition)
            {
                metrics = metrics with { Decomposition = decomposition };
            }
        }
        else if (metrics is not null && reference.Roles?.Decomposition is { } stored && current.Table is { } decomposedRows)
        {
            var fitted = DecompositionReference.FromProfile(stored, policy.Seed, reference.SourcePath);
            if (PerformanceDecomposer.Decompose(settings, fitted, decomposedRows, metrics) is { } decomposition)
            {
                metrics = metrics with { Decomposition = decomposition };
            }
        }
        else if (metrics is not null && PerformanceDecomposer.Applies(settings, metrics) && !(reference.IsProfile && current.Table is not null))
        {
            notRun.Add(NotRunSteps.Decomposition, $"{ProfileSide(reference, current)}: splitting the drop into covariate and concept parts draws bootstrap resamples of both sides' rows");
        }
        else if (metrics is { Task: "regression" or "multiclass", BaselineSource: "stored-predictions" } && (reference.Table is null || current.Table is null)
            && (metrics.Task == "regression" || classProbabilities is not null))
        {
            notRun.Add(NotRunSteps.Decomposition, metrics.Task == "regression"
                ? $"{ProfileSide(reference, current)}: direct loss estimation learns the model's error from the reference's rows and predicts it on the current rows"
                : $"{ProfileSide(reference, current)}: the class probabilities are calibrated on the reference's rows and averaged over the current rows");
        }

        DomainSection? domain = null;
        if (reference.Table is { } domainReference && current.Table is { } domainCurrent)
        {
            domain = DomainCheck.Run(settings, domainReference, domainCurrent, columns, cancellationToken);
        }
        else if (policy.DomainClassifier.Enabled && columns.Length > 0)
        {
            notRun.Add(NotRunSteps.DomainClassifier, $"{ProfileSide(reference, current)}: the domain classifier learns to tell the two sides' rows apart");
        }

        // Only a column that is compared (or would be, were it in both files) can make a schema change:
        // a timestamp or an identifier that changed kind or went away changes nothing the model sees.
        var comparedNames = new HashSet<string>(comparisons.Where(c => c.Drift is not null).Select(c => c.Drift!.Name), StringComparer.Ordinal);
        bool WouldBeFeature(string name) =>
            !notFeatures.Contains(name) && (reference.Find(name) is not { } column || ColumnComparer.ReferenceExclusion(reference, column) is null);
        var inputs = new DecisionInputs(
            drift,
            onlyInReference.Where(WouldBeFeature).ToArray(),
            kindMismatches.Where(k => comparedNames.Contains(k.Name) || (SchemaComparer.InvolvesSkipped(k, reference, current) && WouldBeFeature(k.Name))).ToArray(),
            metrics,
            target,
            domain,
            fineTunesSinceLastRetrain,
            metrics?.CurrentRows ?? checked((int)current.RowCount));
        request.Progress?.Report(new CheckProgress(CheckPhase.Deciding));
        cancellationToken.ThrowIfCancellationRequested();
        var decision = DecisionEngine.Decide(inputs, policy);
        TrialSection? trial = null;
        if (reference.Table is { } trialReference && current.Table is { } trialCurrent)
        {
            trial = Adaptation.Trial.CheckTrial.Run(settings, trialReference, trialCurrent, decision.Verdict, warnings, cancellationToken);
        }
        else if (policy.Decision.Trial != TrialMode.Off && request.ModelPath is not null)
        {
            // Not on the current rows alone either: the retrain learns from the reference's rows, and the comparison would not be the trial's.
            notRun.Add(NotRunSteps.Trial, $"{ProfileSide(reference, current)}: the trial fine-tunes and retrains the model on the reference's and the current rows");
        }

        if (trial is not null)
        {
            decision = TrialVerdict.Apply(decision, trial, inputs, policy);
        }

        warnings.AddRange(decision.Warnings);
        warnings.AddRange(notRun.Warnings);

        return new CheckReport(
            ReportVersion.Current,
            decision.Verdict,
            decision.Reasons,
            warnings,
            drift,
            target,
            metrics,
            domain,
            new RowCounts(checked((int)reference.RowCount), checked((int)current.RowCount)),
            schema,
            decision.Evaluations,
            History: null,
            new InputFiles(request.ReferencePath, request.CurrentPath, request.PolicyPath, request.ModelPath, request.MetricsPath, request.BaselineMetricsPath))
        {
            Trial = trial,
            NotRun = notRun.Steps,
        };
    }

    private static string ProfileSide(CheckSide reference, CheckSide current) =>
        (reference.IsProfile, current.IsProfile) switch
        {
            (true, true) => "the reference and the current data are profiles",
            (true, false) => "the reference is a profile",
            _ => "the current data is a profile",
        };

    private static DriftSection Summarize(CheckSettings settings, ColumnDrift[] columns)
    {
        // Weighted share: the policy's weights say which columns matter more to the model.
        var total = columns.Sum(c => c.Weight);
        var drifted = columns.Where(c => c.Drifted).Sum(c => c.Weight);
        var driftedCount = columns.Count(c => c.Drifted);
        return new DriftSection(
            DriftMethods.Name(settings.DefaultMethod),
            PValueAdjustment.Name(settings.Policy.Drift.Correction),
            total == 0 ? 0 : drifted / total,
            driftedCount > 0,
            columns.Length,
            driftedCount,
            columns);
    }

    /// <summary>
    /// Labels and predicted classes coded 0/1 (or 0..k) load as numbers, but their drift is a change
    /// of class proportions: compare them as categories (chi-squared, Jensen-Shannon), not as a distribution of numbers.
    /// </summary>
    private static ColumnDrift? CompareTarget(ColumnComparer comparer, CheckSide reference, CheckSide current, string? name, bool asCategories)
    {
        if (name is null || reference.Find(name) is null || current.Find(name) is null)
        {
            return null;
        }

        if (asCategories)
        {
            // RequireRoles has made sure a profile holds its classes.
            using var r = reference.ClassSummary(name)!;
            using var c = current.ClassSummary(name)!;
            return comparer.Compare(r, c, detectIdentifiers: false).Drift;
        }

        return CompareColumns(comparer, reference, current, name, detectIdentifiers: false).Drift;
    }

    /// <summary>Summarises both columns, the current under the reference's bin plan, and compares the summaries.</summary>
    private static ColumnComparison CompareColumns(ColumnComparer comparer, CheckSide reference, CheckSide current, string name, bool detectIdentifiers = true)
    {
        using var referenceSummary = reference.ReferenceSummary(name);
        using var currentSummary = current.CurrentSummary(name, referenceSummary);
        return comparer.Compare(referenceSummary, currentSummary, detectIdentifiers);
    }

    private static bool IsClassification(CheckSettings settings, CheckSide reference)
    {
        var task = settings.Task ?? (settings.Label is { } label ? reference.InferredTask(label) : null);
        return task is Metrics.MetricTask.Binary or Metrics.MetricTask.Multiclass;
    }

    private static CheckSide Await(Task<CheckSide> task)
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static void ValidateColumns(CheckSettings settings, CheckSide reference, CheckSide current, List<string> warnings)
    {
        foreach (var name in settings.Request.IgnoredColumns)
        {
            if (reference.Find(name) is null && current.Find(name) is null)
            {
                throw new InputException(
                    $"The --ignore option names column '{name}', which is in neither file.",
                    settings.Request.ReferencePath,
                    line: 1,
                    hint: $"Column names are case-sensitive; the reference has: {Preview(reference)}.");
            }
        }

        foreach (var (name, role) in new[] { (settings.Label, "label"), (settings.Prediction, "prediction"), (settings.Probability, "probability") })
        {
            if (name is null)
            {
                continue;
            }

            foreach (var table in new[] { reference, current })
            {
                // Stored predictions without current labels are the label-free case: the metrics are estimated.
                var labelFree = role == "label" && table == current && settings.Prediction is not null && settings.Request.ModelPath is null && settings.Request.MetricsPath is null;
                if (table.Find(name) is null && !labelFree)
                {
                    throw new InputException(
                        $"The {role} column '{name}' is not in this file.",
                        table.SourcePath,
                        line: 1,
                        hint: $"Column names are case-sensitive; the file has: {Preview(table)}.");
                }
            }
        }

        // A policy may serve several datasets, so a column it names but these files lack is worth a warning, not a failure.
        var policyColumns = settings.Policy.Columns.Keys.Concat(settings.Policy.Ignore);
        foreach (var name in policyColumns.Distinct(StringComparer.Ordinal))
        {
            if (reference.Find(name) is null && current.Find(name) is null)
            {
                warnings.Add($"The policy names column '{name}', which is in neither file.");
            }
        }
    }

    private static void RequireInCurrent(ProbabilityColumns? probabilities, CheckSide current)
    {
        foreach (var name in probabilities?.Columns.Where(n => current.Find(n) is null) ?? [])
        {
            throw new InputException(
                $"The probability column '{MessageText.Name(name)}' is in the reference but not in this file.",
                current.SourcePath,
                line: 1,
                hint: $"Both files need the model's probability for every class; the file has: {Preview(current)}.");
        }
    }

    private static string Preview(CheckSide table)
    {
        const int shown = 8;
        var names = table.Columns.Take(shown).Select(c => $"'{c.Name}'");
        var text = string.Join(", ", names);
        return table.Columns.Count > shown ? $"{text}, … ({table.Columns.Count} columns)" : text;
    }
}
