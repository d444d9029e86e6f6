using System.Text.Json.Nodes;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// <c>check</c> with a profile on either side, through the command line: what is reported not run (in every format),
/// the history's reference hash, and the bad input a profile brings (exit 2, the profile named, what to do).
/// </summary>
public sealed class ProfileCheckTests
{
    private static readonly string Policy = RepoPaths.Sample("adaptgate.json");

    [Fact]
    public void What_needs_the_reference_s_rows_is_reported_not_run_in_every_format()
    {
        using var dir = new TempDir();
        var profile = Profile(dir, RepoPaths.Sample("reference.csv"), "--policy", Policy);
        var policy = dir.File("domain.json", """{ "target": { "label": "repaid", "prediction": "y_pred", "probability": "y_pred_proba" }, "domainClassifier": { "enabled": true } }""");
        var (text, markdown, json, html) = (Path.Combine(dir.Path, "r.txt"), Path.Combine(dir.Path, "r.md"), Path.Combine(dir.Path, "r.json"), Path.Combine(dir.Path, "r.html"));

        var run = CliRun.Of("check", "--reference", profile, "--current", RepoPaths.Sample("current.csv"), "--policy", policy, "--no-history",
            "--output", text, "--markdown", markdown, "--json", json, "--html", html);

        Assert.Equal(0, run.ExitCode);
        const string Said = "Not run (domainClassifier): the reference is a profile: the domain classifier learns to tell the two sides' rows apart.";
        Assert.Contains(Said, File.ReadAllText(text), StringComparison.Ordinal);
        Assert.Contains(Said, File.ReadAllText(markdown), StringComparison.Ordinal);
        Assert.Contains(Said.Replace("'", "&#39;", StringComparison.Ordinal), File.ReadAllText(html), StringComparison.Ordinal);
        var report = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("domainClassifier", report["notRun"]![0]!["step"]!.GetValue<string>());
        Assert.Null(report["domainClassifier"]);

        // Against the data file the classifier runs: the profile's "not run" is the only difference.
        var raw = CliRun.Of("check", "--reference", RepoPaths.Sample("reference.csv"), "--current", RepoPaths.Sample("current.csv"), "--policy", policy, "--no-history", "--format", "json");
        Assert.NotNull(JsonNode.Parse(raw.Stdout)!["domainClassifier"]);
    }

    [Fact]
    public void The_history_records_the_data_file_s_hash_for_its_profile()
    {
        using var dir = new TempDir();
        var profile = Profile(dir, RepoPaths.Sample("reference.csv"), "--policy", Policy);
        var history = Path.Combine(dir.Path, "history.jsonl");

        Assert.Equal(0, CliRun.Of("check", "--reference", RepoPaths.Sample("reference.csv"), "--current", RepoPaths.Sample("current.csv"), "--policy", Policy, "--history", history).ExitCode);
        Assert.Equal(0, CliRun.Of("check", "--reference", profile, "--current", RepoPaths.Sample("current.csv"), "--policy", Policy, "--history", history).ExitCode);

        var lines = File.ReadAllLines(history).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(lines[0]["reference"]!["sha256"]!.GetValue<string>(), lines[1]["reference"]!["sha256"]!.GetValue<string>());
        Assert.Equal(profile, lines[1]["reference"]!["path"]!.GetValue<string>());
    }

    [Fact]
    public void A_profile_as_the_current_side_is_compared_exactly_while_it_holds_its_values()
    {
        using var dir = new TempDir();
        var current = Profile(dir, RepoPaths.Sample("current.csv"), "--policy", Policy);

        var profiled = CliRun.Of("check", "--reference", RepoPaths.Sample("reference.csv"), "--current", current, "--policy", Policy, "--no-history", "--format", "json");
        var raw = CliRun.Of("check", "--reference", RepoPaths.Sample("reference.csv"), "--current", RepoPaths.Sample("current.csv"), "--no-history", "--format", "json",
            "--label", "repaid", "--prediction", "y_pred", "--probability", "y_pred_proba");

        Assert.Equal(0, profiled.ExitCode);
        var (a, b) = (JsonNode.Parse(profiled.Stdout)!, JsonNode.Parse(raw.Stdout)!);
        Assert.Equal(b["drift"]!.ToJsonString(), a["drift"]!.ToJsonString());
        Assert.Equal(b["target"]!.ToJsonString(), a["target"]!.ToJsonString());
        Assert.Null(a["metrics"]);
        Assert.Equal("metrics", a["notRun"]![0]!["step"]!.GetValue<string>());
        Assert.StartsWith("the current data is a profile: the current metrics need its rows", a["notRun"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_renamed_is_read_by_its_content()
    {
        using var dir = new TempDir();
        var data = dir.File("d.csv", "x\n1\n2\n3\n");
        var profile = Profile(dir, data);
        var renamed = Path.Combine(dir.Path, "reference.bin");
        File.Copy(profile, renamed);

        var run = CliRun.Of("check", "--reference", renamed, "--current", data, "--no-history", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, JsonNode.Parse(run.Stdout)!["rows"]!["reference"]!.GetValue<int>());
    }

    [Fact]
    public void A_profile_whose_kinds_differ_from_the_policy_s_exits_2_saying_how_to_make_it_again()
    {
        using var dir = new TempDir();
        var data = dir.File("d.csv", "x,zip\n1,1000\n2,2000\n3,3000\n");
        var profile = Profile(dir, data);
        var policy = dir.File("p.json", """{ "columns": { "zip": { "kind": "categorical" } } }""");

        var run = CliRun.Of("check", "--reference", profile, "--current", data, "--policy", policy, "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {profile}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("The policy says column 'zip' is categorical, but the profile summarised it as numeric", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Make the profile again with the same policy ('adaptgate profile DATA --policy adaptgate.json --output FILE.agprofile')", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_without_the_roles_the_check_needs_exits_2_naming_the_options()
    {
        using var dir = new TempDir();
        var profile = Profile(dir, RepoPaths.Sample("reference.csv"), "--policy", dir.File("none.json", "{}"));

        var run = CliRun.Of("check", "--reference", profile, "--current", RepoPaths.Sample("current.csv"), "--policy", Policy, "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {profile}: The profile does not carry the label column 'repaid' (it was made without a label), which this check reads from the rows.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'adaptgate profile DATA --label repaid --prediction y_pred --probability y_pred_proba --output reference.agprofile'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_profile_given_to_check_exits_2_naming_it()
    {
        using var dir = new TempDir();
        var profile = Profile(dir, RepoPaths.Sample("reference.csv"), "--policy", Policy);
        var bytes = File.ReadAllBytes(profile);
        File.WriteAllBytes(profile, bytes[..(bytes.Length / 2)]);

        var run = CliRun.Of("check", "--reference", profile, "--current", RepoPaths.Sample("current.csv"), "--policy", Policy, "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {profile}: The profile cannot be read: its content is not complete JSON (truncated or damaged).", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Make it again with 'adaptgate profile DATA --output FILE.agprofile'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_with_another_seed_than_the_profile_s_exits_2()
    {
        using var dir = new TempDir();
        var profile = Profile(dir, RepoPaths.Sample("reference.csv"), "--policy", Policy);
        var reseeded = dir.File("seed.json", """{ "seed": 5, "target": { "label": "repaid", "prediction": "y_pred", "probability": "y_pred_proba" }, "metrics": { "primary": "auc" } }""");

        var run = CliRun.Of("check", "--reference", profile, "--current", RepoPaths.Sample("current.csv"), "--policy", reseeded, "--no-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The profile's baseline resamples were drawn with seed 0 and 1,000 resamples, but the policy asks for seed 5 and 1,000", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_cannot_be_scored_on_a_profile_without_baseline_metrics_and_with_them_the_trial_is_not_run()
    {
        using var dir = new TempDir();
        var profile = Profile(dir, RepoPaths.Sample("reference.csv"), "--label", "repaid");
        var args = new[] { "check", "--reference", profile, "--current", RepoPaths.Sample("current.csv"), "--label", "repaid", "--model", CarLoanModel.Path, "--no-history", "--policy", dir.File("p.json", "{}") };

        var refused = CliRun.Of(args);
        var fallback = CliRun.Of([.. args, "--baseline-metrics", dir.File("accepted.json", """{ "auc": 0.97, "accuracy": 0.92 }"""), "--format", "json"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"error: {profile}: The reference is a profile, which holds no rows to score the model on for its baseline.", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("Pass --baseline-metrics FILE", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, fallback.ExitCode);
        var report = JsonNode.Parse(fallback.Stdout)!;
        Assert.Equal("metrics-file", report["metrics"]!["baselineSource"]!.GetValue<string>());
        Assert.Contains(report["notRun"]!.AsArray(), s => s!["step"]!.GetValue<string>() == "trial");
    }

    private static string Profile(TempDir dir, string data, params string[] options)
    {
        var profile = Path.Combine(dir.Path, Path.GetFileNameWithoutExtension(data) + ".agprofile");
        var run = CliRun.Of(["profile", data, "--output", profile, .. options]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return profile;
    }
}
