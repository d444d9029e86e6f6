using System.CommandLine;
using AdaptGate.Core;
using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Output;
using AdaptGate.Tool.Output;

namespace AdaptGate.Tool.Cli;

/// <summary><c>adaptgate adapt</c>: carry out a fine-tune or a retrain of an ML.NET model, or measure both.</summary>
internal static class AdaptCommand
{
    private static readonly string[] FormatNames = ["text", "json"];

    public static Command Create(TextWriter stdout)
    {
        var model = new Option<string>("--model", "-m") { Description = "The ML.NET model (.zip) to adapt.", Required = true };
        var reference = new Option<string>("--reference", "-r") { Description = "The data the model was trained on: .csv, .tsv or .parquet.", Required = true };
        var current = new Option<string>("--current", "-c") { Description = "The new labeled data: .csv, .tsv or .parquet.", Required = true };
        var label = new Option<string?>("--label") { Description = "The label column (default: the policy's target.label)." };
        var positiveClass = new Option<string?>("--positive-class") { Description = "The label value of the positive class, when it is not 1, true or yes." };
        var action = new Option<string>("--action", "-a")
        {
            Description = "auto: carry out what 'check' decides; fine-tune: continue from the model's weights on current data plus a replay of the reference; " +
                          "retrain: the same model family from scratch on reference + current; compare: both, measured against the unchanged model.",
            DefaultValueFactory = _ => "auto",
        };
        action.AcceptOnly(AdaptActionNames.All);
        var output = new Option<string?>("--output", "-o") { Description = "Write the adapted model here (whole or not at all). Nothing is written on skip. compare writes the one it recommends." };
        var recipe = new Option<string?>("--recipe")
        {
            Description = "A training recipe (JSON: label, columns, featurizing steps, trainer; docs/adapt.md): the retrain refits the whole pipeline from it on the policy's retrain.window. Without it the retrain reuses the old fitted featurizer.",
        };
        var replay = new Option<double>("--replay")
        {
            Description = "Reference rows a fine-tune mixes in, as a share of the current training rows (0.2: 200 per 1,000), so the model does not forget.",
            DefaultValueFactory = _ => 0.2,
        };
        var holdout = new Option<double>("--holdout")
        {
            Description = "Share of each file (seeded) held out of training to measure every candidate on; 0 measures nothing.",
            DefaultValueFactory = _ => 0.2,
        };
        var split = new Option<string>("--split")
        {
            Description = "How the held-out current rows are chosen: random (seeded rows) or time (the last rows in file order: learn from the past, score on the future, as check's trial does).",
            DefaultValueFactory = _ => "random",
        };
        split.AcceptOnly(["random", "time"]);
        var referenceHoldout = new Option<double?>("--reference-holdout")
        {
            Description = "Share of the reference held out to measure forgetting on; default: the --holdout share. 0 trains on the whole reference (check's trial does).",
        };
        var validation = new Option<string?>("--validation") { Description = "Labeled data to measure on instead of a held-out slice of the current file (which is then trained on whole)." };
        var budget = new Option<double?>("--budget-seconds") { Description = "Wall-clock budget for all training; a candidate still running when it runs out is stopped and reported." };
        var referenceValidation = new Option<string?>("--reference-validation")
        {
            Description = "Labeled reference-like data the original model was never trained on (its validation set): forgetting is measured on it, out of sample, and the reference is trained on whole.",
        };
        var tolerance = new Option<double?>("--tolerance")
        {
            Description = "compare recommends the cheapest candidate within this much of the best primary metric: for scores in their units (default 0.01 auc), for errors a share of the best (default 0.02: 2% of the best rmse).",
        };
        var policy = PolicySource.CreateOption();
        var delimiter = new Option<string?>("--delimiter") { Description = "Field separator for text files (one character, or 'tab'); default from the extension." };
        var history = new Option<string?>("--history") { Description = "History file: auto's check reads and appends it, and a written model is recorded as the action taken." };
        var noHistory = new Option<bool>("--no-history") { Description = "Do not append to the history file." };
        var format = new Option<string>("--format", "-f") { Description = "Report format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnly(FormatNames);
        var report = new Option<string?>("--report") { Description = "Write the --format report to this file instead of standard output (- is standard output). Never one of the inputs." };

        var command = new Command("adapt", "Fine-tune or retrain an ML.NET model on new data, or compare both by measured cost and benefit.\n\nExample:\n  adaptgate adapt --model model.zip --reference train.csv --current new.csv --label label --action compare --output adapted.zip")
        {
            model, reference, current, label, positiveClass, action, output, recipe, replay, holdout, split, referenceHoldout, validation, referenceValidation, budget, tolerance, policy, delimiter, history, noHistory, format, report,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            // AcceptOnly has already refused anything TryParse would not take.
            _ = AdaptActionNames.TryParse(parse.GetValue(action)!, out var chosen);
            var reportPath = parse.GetValue(report) is { } named && !StandardOutput.Names(named) ? named : null;
            var modelOutput = parse.GetValue(output);
            if (modelOutput is not null && StandardOutput.Names(modelOutput))
            {
                throw new InputException(
                    "The adapted model cannot go to standard output: it is a .zip file, and standard output carries the report.",
                    modelOutput,
                    hint: "Name a file, such as --output adapted.zip.");
            }

            var request = new AdaptRequest
            {
                ModelPath = parse.GetValue(model)!,
                ReferencePath = parse.GetValue(reference)!,
                CurrentPath = parse.GetValue(current)!,
                LabelColumn = parse.GetValue(label),
                PositiveClass = parse.GetValue(positiveClass),
                Action = chosen,
                OutputPath = modelOutput,
                RecipePath = parse.GetValue(recipe),
                Replay = parse.GetValue(replay),
                Holdout = parse.GetValue(holdout),
                Split = parse.GetValue(split) == "time" ? HoldoutSplit.Time : HoldoutSplit.Random,
                ReferenceHoldout = parse.GetValue(referenceHoldout),
                ValidationPath = parse.GetValue(validation),
                ReferenceValidationPath = parse.GetValue(referenceValidation),
                Budget = parse.GetValue(budget) is { } seconds ? Seconds(seconds) : null,
                Tolerance = parse.GetValue(tolerance),
                PolicyPath = PolicySource.Resolve(parse.GetValue(policy)),
                Delimiter = Delimiter(parse.GetValue(delimiter)),
                HistoryPath = parse.GetValue(history),
                RecordHistory = !parse.GetValue(noHistory),
                Outputs = reportPath is null ? [] : [new FileRole("the report (--report)", reportPath)],
            };

            var result = AdaptRunner.Run(request, cancellationToken);
            var text = parse.GetValue(format) == "json" ? AdaptJsonFormat.Write(result) : AdaptText.Render(result);
            if (reportPath is not null)
            {
                ReportFile.Write(reportPath, text, stdout);
                stdout.WriteLine(AdaptText.Headline(result));
            }
            else
            {
                stdout.Write(text);
            }

            // 1 when the action could not be carried out within the budget: a pipeline must not ship the old model believing it adapted.
            return Task.FromResult(result.Adaptation.Completed ? ExitCodes.Success : ExitCodes.AdaptationNotCompleted);
        });
        return command;
    }

    private static TimeSpan Seconds(double seconds) =>
        double.IsFinite(seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new Core.InputException($"--budget-seconds must be a positive number of seconds, not {seconds}.");

    private static char? Delimiter(string? text) => text switch
    {
        null => null,
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw new Core.InputException($"--delimiter takes one character or 'tab', not '{text}'."),
    };
}
