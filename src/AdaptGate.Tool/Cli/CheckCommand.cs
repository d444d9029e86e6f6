using System.CommandLine;
using AdaptGate.Core;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Reports.Html;
using AdaptGate.Tool.Ci;
using AdaptGate.Tool.Output;

namespace AdaptGate.Tool.Cli;

/// <summary><c>adaptgate check</c>: compare current data with reference data and print the verdict.</summary>
internal static class CheckCommand
{
    private static readonly string[] FormatNames = ["text", "markdown", "json"];

    public static Command Create(TextWriter stdout, TextWriter stderr, IEnvironment environment)
    {
        var reference = new Option<string>("--reference", "-r")
        {
            Description = "Reference data (what the model was trained on): .csv, .tsv or .parquet, or its profile (.agprofile, from 'adaptgate profile').",
            Required = true,
        };
        var current = new Option<string>("--current", "-c")
        {
            Description = "Current data (what the model sees now): .csv, .tsv or .parquet, or its profile (.agprofile).",
            Required = true,
        };
        var policy = PolicySource.CreateOption();
        var method = new Option<string?>("--drift-method")
        {
            Description = "Drift method for every column without one of its own (default: the policy's, auto). auto: ks or chisquare for small samples (<= 1000 values), wasserstein or jensenshannon above.",
        };
        method.AcceptOnly(DriftMethods.Names);
        var threshold = new Option<double?>("--drift-threshold")
        {
            Description = "Threshold for every column instead of the method's default (p-value for ks/chisquare, distance otherwise).",
        };
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } t && (!double.IsFinite(t) || t <= 0))
            {
                r.AddError("--drift-threshold must be a positive number.");
            }
        });
        var delimiter = new Option<string?>("--delimiter")
        {
            Description = "Field separator for text files (one character, or 'tab'); default from the extension: .csv ',' and .tsv tab.",
        };
        delimiter.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } d && ParseDelimiter(d) is null)
            {
                r.AddError($"--delimiter takes one character or 'tab', not '{d}'.");
            }
        });
        var noHeader = new Option<bool>("--no-header") { Description = "The first line of a text file is data, not column names (name the columns with --columns; default column1, column2, ...)." };
        var columnNames = new Option<string[]>("--columns")
        {
            Description = "The columns' names in file order, comma-separated: for files without a header row (--no-header), or in place of the header's names.",
            AllowMultipleArgumentsPerToken = true,
        };
        var naValues = new Option<string[]>("--na-values")
        {
            Description = "More cell texts that mean a missing value, comma-separated or repeated (such as '?' or -999), besides empty, NA, N/A, NaN, nan, null, NULL and None.",
            AllowMultipleArgumentsPerToken = true,
        };
        var ignore = new Option<string[]>("--ignore")
        {
            Description = "Columns to leave out of drift, comma-separated or repeated (identifiers, timestamps, a label that is not --label).",
            AllowMultipleArgumentsPerToken = true,
        };
        var roles = new RoleOptions();
        var (label, prediction, probability, task, positiveClass) = (roles.Label, roles.Prediction, roles.Probability, roles.Task, roles.PositiveClass);
        var model = new Option<string?>("--model", "-m") { Description = "An ML.NET model (.zip) to evaluate on both files (needs --label); its baseline on the reference is optimistic unless --baseline-metrics is given." };
        var recipe = new Option<string?>("--recipe") { Description = "The model's training recipe (JSON, docs/adapt.md): the trial's retrain refits the whole pipeline from it instead of reusing the model's featurizer." };
        var metrics = new Option<string?>("--metrics") { Description = "Current metrics from any framework: a flat JSON object such as {\"auc\": 0.91}." };
        var baselineMetrics = new Option<string?>("--baseline-metrics") { Description = "Baseline metrics, same format: what the model scored when it was accepted." };
        var history = new Option<string?>("--history") { Description = "History file (JSON lines) that feeds the fine-tune streak rule; default: the policy's (.adaptgate/history.jsonl)." };
        var noHistory = new Option<bool>("--no-history") { Description = "Do not append this check to the history file." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format: text (for people), markdown (for pull requests) or json (for scripts: docs/report-format.md).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnly(FormatNames);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the --format report to this file instead of standard output (the verdict line still goes there); - is standard output. Never one of the inputs.",
        };
        var json = new Option<string?>("--json") { Description = "Also write the JSON report to this file (such as adaptgate-report.json; - for standard output), whatever --format says." };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the Markdown report to this file (- for standard output), whatever --format says." };
        var html = new Option<string?>("--html") { Description = "Also write the HTML report to this file (such as adaptgate-report.html): one self-contained page with charts, for a browser or a CI artifact." };
        var top = new Option<int?>("--top") { Description = "Text and Markdown reports show only the N most drifted columns and say how many they left out (the JSON and HTML reports keep every column)." };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--top must be a positive number of columns.");
            }
        });
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with code 1 when the verdict is this or worse: none, fine-tune, retrain.",
            DefaultValueFactory = _ => "none",
        };
        failOn.AcceptOnly(FailOnExtensions.Names);

        var command = new Command("check", "Compare current data with reference data and decide: skip, fine-tune or retrain.\n\nExample:\n  adaptgate check --reference train.csv --current today.csv --fail-on retrain")
        {
            reference, current, policy, method, threshold, delimiter, noHeader, columnNames, naValues, ignore, label, prediction, probability, task, positiveClass,
            model, recipe, metrics, baselineMetrics, history, noHistory, format, output, json, markdown, html, top, failOn,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var request = new CheckRequest
            {
                ReferencePath = parse.GetValue(reference)!,
                CurrentPath = parse.GetValue(current)!,
                SqlLogin = SqlLogin.For(parse.GetValue(reference)!, environment) ?? SqlLogin.For(parse.GetValue(current)!, environment),
                PolicyPath = PolicySource.Resolve(parse.GetValue(policy)),
                DriftMethod = ParseMethod(parse.GetValue(method)),
                DriftThreshold = parse.GetValue(threshold),
                Delimiter = parse.GetValue(delimiter) is { } d ? ParseDelimiter(d) : null,
                HasHeader = parse.GetValue(noHeader) ? false : null,
                ColumnNames = SplitNames(parse.GetValue(columnNames)),
                NaValues = SplitList(parse.GetValue(naValues)),
                IgnoredColumns = SplitList(parse.GetValue(ignore)),
                LabelColumn = parse.GetValue(label),
                PredictionColumn = parse.GetValue(prediction),
                ProbabilityColumn = parse.GetValue(probability),
                Task = ParseTask(parse.GetValue(task)),
                PositiveClass = parse.GetValue(positiveClass),
                ModelPath = parse.GetValue(model),
                RecipePath = parse.GetValue(recipe),
                MetricsPath = parse.GetValue(metrics),
                BaselineMetricsPath = parse.GetValue(baselineMetrics),
                HistoryPath = parse.GetValue(history),
                RecordHistory = !parse.GetValue(noHistory),
            };

            var formatName = parse.GetValue(format)!;
            var targets = ReportTargets.Resolve(formatName, parse.GetValue(output), parse.GetValue(json), parse.GetValue(markdown), parse.GetValue(html));
            request = request with { Outputs = [.. targets.Files.Select(f => f.File)] };

            var report = CheckProgressDisplay.Run(stderr, environment, progress => CheckRunner.Run(request with { Progress = progress }, cancellationToken));

            // Every report is rendered before any is written. Ctrl+C cancels the token: before this line no report
            // is written; past it all are, each one whole.
            var topColumns = parse.GetValue(top);
            var contents = targets.Files.Select(file => Render(report, file.Format, color: false, width: FileWidth, topColumns)).ToArray();
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < contents.Length; i++)
            {
                ReportFile.Write(targets.Files[i].Path, contents[i], stdout);
            }

            if (targets.StandardOutput is { } standardFormat)
            {
                stdout.Write(Render(report, standardFormat, Terminal.UsesColor(stdout, environment), TerminalWidth(), topColumns));
            }
            else
            {
                stdout.WriteLine(TextReport.Headline(report));
            }

            var failOnReached = FailOnExtensions.Parse(parse.GetValue(failOn)!).Reached(report.Verdict);
            var jsonReport = targets.JsonFile;

            // A JSON or Markdown report on standard output is piped to a file or a tool: CI commands
            // there would corrupt it, so they go to standard error, which the runners read too.
            var commands = targets.StandardOutput is null or "text" ? stdout : stderr;
            CiIntegration.Publish(
                environment,
                new CheckOutcome(report, jsonReport is null ? null : Path.GetFullPath(jsonReport), failOnReached, TextReport.Headline(report)) { Top = topColumns },
                commands);

            return Task.FromResult(failOnReached ? ExitCodes.VerdictReachedFailOn : ExitCodes.Success);
        });
        return command;
    }

    // AcceptOnly has already refused anything these would not take.
    private static DriftMethod? ParseMethod(string? text) => text is not null && DriftMethods.TryParse(text, out var m) ? m : null;

    private static MetricTask? ParseTask(string? text) => RoleOptions.ParseTask(text);

    /// <summary>Files get lines long enough not to wrap the reasons.</summary>
    private const int FileWidth = 160;

    /// <summary>A terminal's own width; pipes are files.</summary>
    private static int TerminalWidth() => Console.IsOutputRedirected ? FileWidth : Math.Max(80, Console.WindowWidth);

    private static string Render(CheckReport report, string format, bool color, int width, int? top) => format switch
    {
        "json" => JsonReportFormat.Write(report),
        "markdown" => MarkdownReportFormat.Write(report, new MarkdownOptions { MaxUtf8Bytes = MarkdownOptions.StepSummaryUtf8Bytes, Top = top }),
        "html" => HtmlReportFormat.Write(report),
        _ => TextReport.Render(report, color, width, top),
    };

    private static char? ParseDelimiter(string text) => text switch
    {
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => text[0],
        _ => null,
    };

    // Order matters and a repeat is a mistake the reader reports, so names are neither sorted nor merged.
    private static string[] SplitNames(string[]? values) =>
        values is null ? [] : values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToArray();

    private static string[] SplitList(string[]? values) =>
        values is null
            ? []
            : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
}
