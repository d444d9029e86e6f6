using System.Text.Json;

namespace AdaptGate.EndToEnd.Tests;

/// <summary>
/// AdaptGate.Build as a user adds it: a class library in a temp folder references the packed package from the
/// run's feed (the only source in its nuget.config) and `dotnet build` runs the check.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class MsBuildPackageTests
{
    private readonly PackedFeed _feed;

    public MsBuildPackageTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public void Build_checks_reports_runs_the_verdict_targets_and_stays_incremental()
    {
        var project = Consumer("current.csv");

        // (a) the verdict reaches the project's own targets, those after Build too, (b) the report, (c) coded warnings,
        // (h) the retrain target.
        var first = Build(project);
        Assert.True(first.ExitCode == 0, first.ToString());
        Shows(first, "consumer: verdict=retrain share=0.5");
        Shows(first, "verdict=retrain after Build");

        // Every help link opens docs/diagnostics.md as the package carries it, at the code's anchor.
        var diagnostics = Path.Combine(_feed.PackagesCache, "adaptgate.build", _feed.Version.ToLowerInvariant(), "docs", "diagnostics.md");
        Shows(first, "help=" + new Uri(diagnostics).AbsoluteUri + Environment.NewLine);
        Assert.Contains("<a id=\"ag1006\"></a>", File.ReadAllText(diagnostics), StringComparison.Ordinal);
        Shows(first, "consumer: retraining");
        Shows(first, "consumer: drifted car_value by wasserstein");
        Shows(first, "current.csv : warning AG1000: AdaptGate verdict: RETRAIN");
        Shows(first, "current.csv : warning AG1006: drift-share-severe (retrain)");
        Shows(first, "current.csv : warning AG1008: drift-detected (fine-tune)");
        var report = Path.Combine(project, "obj", "Debug", "net10.0", "adaptgate", "report.json");
        using (var json = JsonDocument.Parse(File.ReadAllText(report)))
        {
            Assert.Equal("retrain", json.RootElement.GetProperty("verdict").GetString());
            Assert.Equal(_feed.Version, json.RootElement.GetProperty("version").GetString());
        }

        // (e) nothing changed: the check is skipped, and the verdict, warnings and targets are the same; built as a
        // solution this time, as `dotnet build` in a repository's root does.
        var written = File.GetLastWriteTimeUtc(report);
        var second = BuildFile(project, Path.Combine(project, "Consumer.slnx"));
        Assert.True(second.ExitCode == 0, second.ToString());
        Shows(second, "Skipping target \"_AdaptGateRunCheck\" because all output files are up-to-date");
        Shows(second, "consumer: verdict=retrain share=0.5");
        Shows(second, "verdict=retrain after Build");
        Shows(second, "consumer: retraining");
        Shows(second, "warning AG1006");
        Assert.Equal(written, File.GetLastWriteTimeUtc(report));

        // (d) FailOn fails the build, even when the check itself is up to date: after the targets that follow
        // AdaptGateCheck, before the verdict targets and everything after Build.
        var failed = Build(project, "-p:AdaptGateFailOn=fine-tune");
        Assert.NotEqual(0, failed.ExitCode);
        Shows(failed, "error AG2002: The AdaptGate verdict 'retrain' reached AdaptGateFailOn 'fine-tune' (drift-share-severe; drift-detected). See " + report + ".");
        Shows(failed, "consumer: verdict=retrain share=0.5");
        DoesNotShow(failed, "consumer: retraining");
        DoesNotShow(failed, "after Build");

        // (f) new current data: the check runs again.
        File.SetLastWriteTimeUtc(Path.Combine(project, "current.csv"), DateTime.UtcNow.AddSeconds(2));
        var touched = Build(project);
        Assert.True(touched.ExitCode == 0, touched.ToString());
        DoesNotShow(touched, "Skipping target \"_AdaptGateRunCheck\"");
        Shows(touched, "consumer: verdict=retrain");
        Assert.True(File.GetLastWriteTimeUtc(report) > written);

        // (g) disabled: no check, no verdict.
        var disabled = Build(project, "-p:AdaptGateEnabled=false");
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        Shows(disabled, "consumer: verdict= share=");
        DoesNotShow(disabled, "AG10");
    }

    [Fact]
    public void Stable_data_is_a_quiet_skip_and_a_missing_file_is_AG2001()
    {
        var project = Consumer("current-stable.csv");

        // With the label named, nothing in the stable data is worth a warning (without it, the check warns that
        // 'y_pred' and 'y_pred_proba' look like model outputs compared as features).
        var stable = Build(project, "-p:AdaptGateLabelColumn=repaid");
        Assert.True(stable.ExitCode == 0, stable.ToString());
        Shows(stable, "consumer: verdict=skip share=0");
        DoesNotShow(stable, "consumer: retraining");
        Shows(stable, "0 Warning(s)");

        // AdaptGateReferenceData takes a profile of the training data in its place (docs/profiles.md): the same quiet skip.
        var profiled = ProcessRun.Of(_feed.Adaptgate, ["profile", "reference.csv", "--label", "repaid", "--output", "reference.agprofile"], project);
        Assert.True(profiled.ExitCode == 0, profiled.ToString());
        var fromProfile = Build(project, "-p:AdaptGateLabelColumn=repaid", "-p:AdaptGateReferenceData=reference.agprofile");
        Assert.True(fromProfile.ExitCode == 0, fromProfile.ToString());
        Shows(fromProfile, "consumer: verdict=skip share=0");
        Shows(fromProfile, "0 Warning(s)");

        var missing = Build(project, "-p:AdaptGateCurrentData=missing.csv");
        Assert.NotEqual(0, missing.ExitCode);
        Shows(missing, Path.Combine(project, "missing.csv") + " : error AG2001: The file does not exist.");
    }

    [Fact]
    public void Every_check_option_reaches_the_cli_from_one_list_and_a_changed_one_reruns_the_check()
    {
        var project = Consumer("current.csv");
        string[] options =
        [
            "-p:AdaptGateLabelColumn=repaid", "-p:AdaptGatePredictionColumn=y_pred", "-p:AdaptGateProbabilityColumn=y_pred_proba",
            "-p:AdaptGateTask=binary", "-p:AdaptGatePositiveClass=0", "-p:AdaptGateIgnoreColumns=timestamp%3Bloan_length",
            "-p:AdaptGateDelimiter=%2C",
        ];

        var first = Build(project, [.. options, "-p:AdaptGateDriftThreshold=0.5"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Shows(first, "--no-history --label repaid --prediction y_pred --probability y_pred_proba --task binary --positive-class 0 --ignore \"timestamp,loan_length\" --delimiter \",\" --drift-threshold 0.5 --format json");
        var report = Path.Combine(project, "obj", "Debug", "net10.0", "adaptgate", "report.json");
        using (var json = JsonDocument.Parse(File.ReadAllText(report)))
        {
            var root = json.RootElement;
            Assert.Equal("binary", root.GetProperty("metrics").GetProperty("task").GetString());
            Assert.Equal("y_pred", root.GetProperty("target").GetProperty("prediction").GetProperty("name").GetString());
            Assert.Equal("y_pred_proba", root.GetProperty("target").GetProperty("probability").GetProperty("name").GetString());

            // 0 as the positive class turns the stored probabilities around: the auc of the reference is about 0.02, not 0.98.
            Assert.True(root.GetProperty("metrics").GetProperty("baseline").GetDouble() < 0.1);
            var columns = root.GetProperty("drift").GetProperty("columns").EnumerateArray().ToList();
            Assert.Equal(
                ["car_value", "salary_range", "debt_to_income_ratio", "repaid_loan_on_prev_car", "size_of_downpayment", "driver_tenure"],
                columns.Select(c => c.GetProperty("name").GetString()));
            Assert.All(columns, c => Assert.Equal(0.5, c.GetProperty("threshold").GetDouble()));
        }

        // Only the threshold changes: the stamp does, so the check runs again instead of being skipped.
        var changed = Build(project, [.. options, "-p:AdaptGateDriftThreshold=0.25"]);
        Assert.True(changed.ExitCode == 0, changed.ToString());
        DoesNotShow(changed, "Skipping target \"_AdaptGateRunCheck\"");
        Shows(changed, "--drift-threshold 0.25 --format json");
        Assert.Contains("--drift-threshold=0.25", File.ReadAllText(Path.Combine(project, "obj", "Debug", "net10.0", "adaptgate", "check.inputs")), StringComparison.Ordinal);
    }

    /// <summary>docs/msbuild.md's project file, pasted over the one `dotnet new console` writes, with the car-loan samples.</summary>
    [Fact]
    public void The_docs_project_file_builds_a_new_console_app_and_shows_the_drift_before_FailOn_fails_it()
    {
        var folder = Path.Combine(_feed.Root, "docs-" + Guid.NewGuid().ToString("N"), "Model");
        var created = ProcessRun.Of("dotnet", ["new", "console", "-n", "Model", "-o", folder, "--no-restore"], _feed.Root);
        Assert.True(created.ExitCode == 0, created.ToString());
        var docs = File.ReadAllText(Repo.Path("docs", "msbuild.md"));
        var start = docs.IndexOf("```xml\n<Project Sdk=", StringComparison.Ordinal) + "```xml\n".Length;
        var snippet = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Contains("Include=\"AdaptGate.Build\" Version=\"0.1.0\"", snippet, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "Model.csproj"), snippet.Replace("Version=\"0.1.0\"", $"Version=\"{_feed.Version}\"", StringComparison.Ordinal));
        File.Copy(_feed.ConfigFile, Path.Combine(folder, "nuget.config"));
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        File.Copy(Repo.Path("samples", "car-loan", "reference.csv"), Path.Combine(folder, "data", "reference.csv"));
        File.Copy(Repo.Path("samples", "car-loan", "current.csv"), Path.Combine(folder, "data", "current.csv"));
        File.Copy(Repo.Path("samples", "car-loan", "adaptgate.json"), Path.Combine(folder, "adaptgate.json"));

        var failed = BuildFile(folder, Path.Combine(folder, "Model.csproj"));
        Assert.NotEqual(0, failed.ExitCode);
        DoesNotShow(failed, "error CS");
        Assert.True(File.Exists(Path.Combine(folder, "bin", "Debug", "net10.0", "Model.dll")), failed.ToString());
        Shows(failed, "drifted: car_value (wasserstein, score 0.9509646380440334)");
        Shows(failed, "error AG2002: The AdaptGate verdict 'retrain' reached AdaptGateFailOn 'retrain' (metric-drop-diverged; metric-drop).");
        Assert.True(
            failed.Stdout.IndexOf("drifted: car_value", StringComparison.Ordinal) < failed.Stdout.IndexOf("error AG2002", StringComparison.Ordinal),
            failed.ToString());
        DoesNotShow(failed, "verdict=retrain");

        var passed = BuildFile(folder, Path.Combine(folder, "Model.csproj"), "-p:AdaptGateFailOn=none");
        Assert.True(passed.ExitCode == 0, passed.ToString());
        Shows(passed, "verdict=retrain");
    }

    /// <summary>A class library with the package, the car-loan samples and a target that prints what the build got back.</summary>
    private string Consumer(string currentData)
    {
        var folder = Path.Combine(_feed.Root, "consumer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(_feed.ConfigFile, Path.Combine(folder, "nuget.config"));
        File.Copy(Repo.Path("samples", "car-loan", "reference.csv"), Path.Combine(folder, "reference.csv"));
        File.Copy(Repo.Path("samples", "car-loan", currentData), Path.Combine(folder, "current.csv"));
        File.WriteAllText(Path.Combine(folder, "Model.cs"), "namespace Consumer; public static class Model { }\n");
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AdaptGateReferenceData>reference.csv</AdaptGateReferenceData>
                <AdaptGateCurrentData>current.csv</AdaptGateCurrentData>
                <AdaptGateOnRetrainTargets>Retrain</AdaptGateOnRetrainTargets>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AdaptGate.Build" Version="{_feed.Version}" PrivateAssets="all" />
              </ItemGroup>
              <Target Name="PrintVerdict" AfterTargets="AdaptGateCheck">
                <Message Importance="high" Text="consumer: verdict=$(AdaptGateVerdict) share=$(AdaptGateDriftShare)" />
                <Message Importance="high" Text="consumer: drifted %(AdaptGateDriftedColumn.Identity) by %(AdaptGateDriftedColumn.Method)" Condition="'@(AdaptGateDriftedColumn)' != ''" />
              </Target>
              <Target Name="ShowVerdict" AfterTargets="Build">
                <Message Importance="high" Text="verdict=$(AdaptGateVerdict) after Build" />
                <Message Importance="high" Text="help=$(AdaptGateHelpLinkBase)" />
              </Target>
              <Target Name="Retrain">
                <Message Importance="high" Text="consumer: retraining" />
              </Target>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Consumer.slnx"), """<Solution><Project Path="Consumer.csproj" /></Solution>""");
        return folder;
    }

    // The whole log on failure: a build's output is what says why.
    private static void Shows(ProcessRun run, string text) =>
        Assert.True(run.Stdout.Contains(text, StringComparison.Ordinal), $"not in the output: {text}\n{run}");

    private static void DoesNotShow(ProcessRun run, string text) =>
        Assert.False(run.Stdout.Contains(text, StringComparison.Ordinal), $"in the output: {text}\n{run}");

    // Normal verbosity shows MSBuild's "Skipping target" lines; no node reuse, so no build server outlives the test.
    private ProcessRun Build(string project, params string[] properties) =>
        BuildFile(project, Path.Combine(project, "Consumer.csproj"), properties);

    private ProcessRun BuildFile(string project, string target, params string[] properties) =>
        ProcessRun.Of(
            "dotnet",
            ["build", target, "-v:n", "-nodeReuse:false", "--disable-build-servers", .. properties],
            project,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = _feed.PackagesCache });
}
