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

        // (a) the verdict reaches the project's own targets, (b) the report, (c) coded warnings, (h) the retrain target.
        var first = Build(project);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("consumer: verdict=retrain share=0.5", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("consumer: retraining", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("consumer: drifted car_value by wasserstein", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("current.csv : warning AG1000: AdaptGate verdict: RETRAIN", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("current.csv : warning AG1006: drift-share-severe (retrain)", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("current.csv : warning AG1008: drift-detected (fine-tune)", first.Stdout, StringComparison.Ordinal);
        var report = Path.Combine(project, "obj", "Debug", "net10.0", "adaptgate", "report.json");
        using (var json = JsonDocument.Parse(File.ReadAllText(report)))
        {
            Assert.Equal("retrain", json.RootElement.GetProperty("verdict").GetString());
            Assert.Equal(_feed.Version, json.RootElement.GetProperty("version").GetString());
        }

        // (e) nothing changed: the check is skipped, and the verdict, warnings and targets are the same.
        var written = File.GetLastWriteTimeUtc(report);
        var second = Build(project);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"_AdaptGateRunCheck\" because all output files are up-to-date", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("consumer: verdict=retrain share=0.5", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("consumer: retraining", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning AG1006", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(report));

        // (d) FailOn fails the build, even when the check itself is up to date.
        var failed = Build(project, "-p:AdaptGateFailOn=fine-tune");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("error AG2002: The AdaptGate verdict 'retrain' reached AdaptGateFailOn 'fine-tune'", failed.Stdout, StringComparison.Ordinal);

        // (f) new current data: the check runs again.
        File.SetLastWriteTimeUtc(Path.Combine(project, "current.csv"), DateTime.UtcNow.AddSeconds(2));
        var touched = Build(project);
        Assert.True(touched.ExitCode == 0, touched.ToString());
        Assert.DoesNotContain("Skipping target \"_AdaptGateRunCheck\"", touched.Stdout, StringComparison.Ordinal);
        Assert.Contains("consumer: verdict=retrain", touched.Stdout, StringComparison.Ordinal);
        Assert.True(File.GetLastWriteTimeUtc(report) > written);

        // (g) disabled: no check, no verdict.
        var disabled = Build(project, "-p:AdaptGateEnabled=false");
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        Assert.Contains("consumer: verdict= share=", disabled.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("AG10", disabled.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Stable_data_is_a_quiet_skip_and_a_missing_file_is_AG2001()
    {
        var project = Consumer("current-stable.csv");

        // With the label named, nothing in the stable data is worth a warning (without it, the check warns that
        // 'y_pred' and 'y_pred_proba' look like model outputs compared as features).
        var stable = Build(project, "-p:AdaptGateLabelColumn=repaid");
        Assert.True(stable.ExitCode == 0, stable.ToString());
        Assert.Contains("consumer: verdict=skip share=0", stable.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("consumer: retraining", stable.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", stable.Stdout, StringComparison.Ordinal);

        var missing = Build(project, "-p:AdaptGateCurrentData=missing.csv");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains(Path.Combine(project, "missing.csv") + " : error AG2001: The file does not exist.", missing.Stdout, StringComparison.Ordinal);
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
              <Target Name="Retrain">
                <Message Importance="high" Text="consumer: retraining" />
              </Target>
            </Project>
            """);
        return folder;
    }

    // Normal verbosity shows MSBuild's "Skipping target" lines; no node reuse, so no build server outlives the test.
    private ProcessRun Build(string project, params string[] properties) =>
        ProcessRun.Of(
            "dotnet",
            ["build", project, "-v:n", "-nodeReuse:false", "--disable-build-servers", .. properties],
            project,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = _feed.PackagesCache });
}
