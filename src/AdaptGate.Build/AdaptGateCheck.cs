using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AdaptGate.Build;

/// <summary>
/// Runs <c>adaptgate check</c> out of process (the CLI published inside the package, on the dotnet host)
/// and turns its JSON report into MSBuild outputs, warnings and errors. ML.NET and its native parts stay in
/// the CLI's short-lived process, never in a long-lived MSBuild node. No exception escapes: a failure of
/// the task itself is error AG9999.
/// </summary>
public sealed class AdaptGateCheck : ToolTask
{
    private readonly List<string> _output = new();
    private int _cliExitCode;

    /// <summary>What the model was trained on (.csv, .tsv, .parquet).</summary>
    [Required]
    public string ReferenceData { get; set; } = string.Empty;

    /// <summary>What the model sees now.</summary>
    [Required]
    public string CurrentData { get; set; } = string.Empty;

    /// <summary>adaptgate.json; empty: the CLI's default (adaptgate.json in <see cref="WorkingDirectory"/> when there is one).</summary>
    public string? Policy { get; set; }

    public string? Model { get; set; }

    public string? LabelColumn { get; set; }

    public string? MetricsFile { get; set; }

    public string? BaselineMetricsFile { get; set; }

    public string? DriftMethod { get; set; }

    public string? HistoryFile { get; set; }

    /// <summary>Append this check to the history file (the CLI's default); the targets turn it off unless asked.</summary>
    public bool RecordHistory { get; set; }

    /// <summary>none (default), fine-tune or retrain: the verdict at which the task fails the build (AG2002).</summary>
    public string? FailOn { get; set; }

    /// <summary>Base URL of docs/diagnostics.md; each code's help link is this plus #agNNNN.</summary>
    public string? HelpLinkBase { get; set; }

    /// <summary>The CLI to run: adaptgate.dll as published into the package's tools/adaptgate/.</summary>
    [Required]
    public string CliPath { get; set; } = string.Empty;

    /// <summary>The dotnet host, normally $(DOTNET_HOST_PATH); empty: DOTNET_HOST_PATH, then PATH.</summary>
    public string? DotnetHostPath { get; set; }

    /// <summary>Where the CLI runs: relative paths, the default policy and the default history resolve here.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>A Markdown report for pull requests and job summaries, written next to the JSON one; empty: none.</summary>
    public string? MarkdownFile { get; set; }

    /// <summary>
    /// More options of <c>adaptgate check</c>, in order: each item is an option (<c>--drift-threshold</c>) with its
    /// value in metadata <c>Value</c>, or a switch (<c>--no-history</c>) when <c>Value</c> is empty. The package's
    /// targets pass every option this way, from the one list that also stamps the check's incremental inputs.
    /// </summary>
    public ITaskItem[] Arguments { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The JSON report the CLI writes (deleted first, so a failed check never leaves a stale one).</summary>
    [Required]
    [Output]
    public string ReportFile { get; set; } = string.Empty;

    [Output]
    public string Verdict { get; private set; } = string.Empty;

    [Output]
    public string DriftShare { get; private set; } = string.Empty;

    [Output]
    public ITaskItem[] DriftedColumns { get; private set; } = Array.Empty<ITaskItem>();

    [Output]
    public ITaskItem[] FiredRules { get; private set; } = Array.Empty<ITaskItem>();

    protected override string ToolName => DotnetHost.ExecutableName;

    public override bool Execute()
    {
        try
        {
            var reportPath = Resolve(ReportFile);
            if (File.Exists(reportPath))
            {
                File.Delete(reportPath);
            }

            // ToolTask logs its own errors when it cannot start the process (and returns false then).
            if (!base.Execute())
            {
                return false;
            }

            return Interpret(_cliExitCode, _output);
        }
        catch (Exception e)
        {
            Log.LogError(null, DiagnosticCodes.TaskFailed, null, DiagnosticCodes.HelpLink(HelpLinkBase ?? string.Empty, DiagnosticCodes.TaskFailed), null, 0, 0, 0, 0, "{0}", $"AdaptGateCheck failed: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    /// <summary>What the CLI's exit code and output mean for the build; separate from running it so tests can feed it outcomes.</summary>
    internal bool Interpret(int exitCode, IReadOnlyList<string> output)
    {
        var reportPath = Resolve(ReportFile);
        switch (exitCode)
        {
            case 0:
                ReportSummary report;
                try
                {
                    report = ReportReader.ReadFile(reportPath);
                }
                catch (ReportFormatException e)
                {
                    LogError(DiagnosticCodes.CheckFailed, reportPath, 0, $"adaptgate check succeeded but its report is unusable: {e.Message}");
                    return false;
                }

                SetOutputs(CheckOutputs.From(report));

                // ValidateParameters refused a FailOn that does not parse, so this one does.
                _ = FailOnLevels.TryParse(FailOn, out var failOn);
                return new VerdictLog(Log, HelpLinkBase).Report(report, ReportFile, failOn, fromPreviousRun: false);

            case 2:
                var known = new List<string?> { ReferenceData, CurrentData, Policy, Model, MetricsFile, BaselineMetricsFile, HistoryFile, ReportFile };
                known.AddRange(Arguments.Select(a => a.GetMetadata(CheckCommandLine.ValueMetadata)));
                foreach (var error in CliErrorLine.FromOutput(output, known, WorkingDirectoryOrCurrent()))
                {
                    LogError(DiagnosticCodes.BadInput, error.File ?? CurrentData, error.Line, error.Message);
                }

                return false;

            default:
                var text = string.Join(Environment.NewLine, output);
                LogError(DiagnosticCodes.CheckFailed, null, 0, $"adaptgate check failed with exit code {exitCode}: {(text.Length > 0 ? text : "no output")}");
                return false;
        }
    }

    protected override bool ValidateParameters()
    {
        if (!FailOnLevels.TryParse(FailOn, out _))
        {
            LogError(DiagnosticCodes.BadSetting, null, 0, $"AdaptGateFailOn is '{FailOn}': use {FailOnLevels.Accepted}.");
            return false;
        }

        if (Arguments.FirstOrDefault(a => !CheckCommandLine.IsOption(a.ItemSpec)) is { } notAnOption)
        {
            LogError(DiagnosticCodes.BadSetting, null, 0, $"The AdaptGateCheck argument '{notAnOption.ItemSpec}' is not an option of adaptgate check: name it as the CLI does (--drift-threshold), with its value in metadata Value.");
            return false;
        }

        if (!File.Exists(CliPath))
        {
            LogError(DiagnosticCodes.CheckFailed, null, 0, $"The adaptgate CLI is not at '{CliPath}': the AdaptGate.Build package looks incomplete. Restore it again (delete it from the NuGet cache first).");
            return false;
        }

        if (DotnetHost.Find(DotnetHostPath) is null)
        {
            LogError(DiagnosticCodes.CheckFailed, null, 0, "No dotnet host to run adaptgate with: DOTNET_HOST_PATH is not set and no dotnet is on PATH.");
            return false;
        }

        return true;
    }

    protected override string GenerateFullPathToTool() => DotnetHost.Find(DotnetHostPath) ?? ToolName;

    protected override string GenerateCommandLineCommands() => CheckCommandLine.For(this);

    protected override string? GetWorkingDirectory() => WorkingDirectory is { Length: > 0 } ? WorkingDirectory : base.GetWorkingDirectory();

    /// <summary>Keeps the exit code for <see cref="Interpret"/> and tells ToolTask all went well, so it logs no generic MSB6006: AdaptGate's codes say what went wrong.</summary>
    protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
    {
        _cliExitCode = base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
        return 0;
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        lock (_output)
        {
            _output.Add(singleLine);
        }

        // Not base: it would turn the CLI's "error: ..." lines into uncoded MSBuild errors; Interpret logs them as AG2001.
        Log.LogMessage(messageImportance, "{0}", singleLine);
    }

    private void SetOutputs(CheckOutputs outputs)
    {
        Verdict = outputs.Verdict;
        DriftShare = outputs.DriftShare;
        DriftedColumns = outputs.DriftedColumns;
        FiredRules = outputs.FiredRules;
    }

    private void LogError(string code, string? file, int line, string message) =>
        Log.LogError(null, code, null, DiagnosticCodes.HelpLink(HelpLinkBase ?? string.Empty, code), file, line, 0, 0, 0, "{0}", message);

    private string WorkingDirectoryOrCurrent() => GetWorkingDirectory() ?? Directory.GetCurrentDirectory();

    private string Resolve(string path) => Path.Combine(WorkingDirectoryOrCurrent(), path);
}
