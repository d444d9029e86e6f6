using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AdaptGate.Bench.Decisions;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Profiles;
using AdaptGate.Core.Reports;
using AdaptGate.Tests.Shared;

namespace AdaptGate.Bench.Tests;

/// <summary>
/// A check against a reference's profile is the check against the reference file (docs/profiles.md, "What travels"):
/// on the generated scenarios, samples/car-loan and the check's own edge cases, the same verdict, reasons, schema,
/// chi-square, PSI, Jensen-Shannon, charts, label tests, metrics and intervals, digit for digit; ks and wasserstein
/// identical while the reference has at most 10,000 values and within the report's stated bound above it. The two
/// reports are compared as JSON with only the reference's path and the steps a profile cannot run taken out.
/// </summary>
public sealed class ProfileParityTests : IDisposable
{
    private static readonly string CarLoan = RepoRoot.Combine("samples", "car-loan");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "adaptgate-tests", "profile-parity", Guid.NewGuid().ToString("N"));

    public ProfileParityTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var scenario in Scenario.All())
        {
            cases.Add("scenario:" + scenario.Name);
        }

        foreach (var name in new[] { "scenario-large:strong-covariate-shift", "scenario-large:no-drift", "car-loan:current.csv", "car-loan:current-stable.csv", "case:regression", "case:multiclass", "case:edges-large" })
        {
            cases.Add(name);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_check_against_the_profile_is_the_check_against_the_file(string name)
    {
        var (request, policy) = Build(name);
        var profile = Path.Combine(_folder, "reference.agprofile");
        ProfileFile.Write(profile, RoleProfiler.Profile(request.ReferencePath, request, policy));

        var raw = CheckRunner.Run(request);
        var profiled = CheckRunner.Run(request with { ReferencePath = profile });

        Assert.Equal(raw.Verdict, profiled.Verdict);
        Assert.Equal(raw.Reasons.Select(r => r.Rule), profiled.Reasons.Select(r => r.Rule));
        var (rawJson, profiledJson) = (Json(raw), Json(profiled));
        var inexact = 0;
        var rawColumns = Compared(rawJson);
        var profiledColumns = Compared(profiledJson);
        for (var i = 0; i < profiledColumns.Count; i++)
        {
            if (profiledColumns[i]!["exact"]!.GetValue<bool>())
            {
                continue;
            }

            // Only ks and wasserstein read the sketch, and only when the reference had more than 10,000 values.
            inexact++;
            var (exactScore, score, bound) = (rawColumns[i]!["score"]!.GetValue<double>(), profiledColumns[i]!["score"]!.GetValue<double>(), profiledColumns[i]!["scoreBound"]!.GetValue<double>());
            Assert.Contains(profiledColumns[i]!["method"]!.GetValue<string>(), new[] { "ks", "wasserstein" });
            Assert.True(Math.Abs(score - exactScore) <= bound, $"{profiledColumns[i]!["name"]}: {score} against {exactScore}, bound {bound}");
            Assert.True(raw.Rows.Reference > 10_000);
            foreach (var approximate in new[] { "score", "pValue", "adjustedPValue", "exact", "scoreBound" })
            {
                rawColumns[i]!.AsObject().Remove(approximate);
                profiledColumns[i]!.AsObject().Remove(approximate);
            }
        }

        Assert.Equal(raw.Rows.Reference > 10_000 && raw.Drift.Columns.Any(c => c.Method is "ks" or "wasserstein"), inexact > 0);
        Assert.Equal(rawJson.ToJsonString(), profiledJson.ToJsonString());
        Assert.All(profiled.NotRun, step => Assert.Contains("the reference is a profile", step.Reason, StringComparison.Ordinal));
    }

    /// <summary>The feature columns, then the label, prediction and probability, as the report lists them.</summary>
    private static List<JsonNode> Compared(JsonNode report)
    {
        var columns = report["drift"]!["columns"]!.AsArray().Select(c => c!).ToList();
        columns.AddRange(new[] { "label", "prediction", "probability" }.Select(role => report["target"]![role]).OfType<JsonNode>());
        return columns;
    }

    /// <summary>The report as JSON without what names the reference's file and the steps a profile reports as not run.</summary>
    private static JsonNode Json(CheckReport report)
    {
        var json = JsonNode.Parse(JsonReportFormat.Write(report))!;
        json["inputs"]!.AsObject().Remove("reference");
        // A regression's direct loss estimation learns from the reference's rows, which a profile does not keep: the
        // profiled check reports the decomposition not run, so the raw check's is left out of the comparison.
        if (report.NotRun.Any(s => s.Step == "decomposition") || report.Metrics?.Decomposition?.Method == "dle")
        {
            json["metrics"]?.AsObject().Remove("decomposition");
        }

        json.AsObject().Remove("notRun");
        var warnings = json["warnings"]!.AsArray();
        for (var i = warnings.Count - 1; i >= 0; i--)
        {
            if (warnings[i]!.GetValue<string>().StartsWith("Not run (", StringComparison.Ordinal))
            {
                warnings.RemoveAt(i);
            }
        }

        return json;
    }

    private (CheckRequest Request, GatePolicy Policy) Build(string name)
    {
        var (kind, which) = (name[..name.IndexOf(':')], name[(name.IndexOf(':') + 1)..]);
        var history = Path.Combine(_folder, "history.jsonl");
        var file = (string n) => Path.Combine(_folder, n);
        switch (kind)
        {
            case "scenario":
            case "scenario-large":
            {
                var scenario = Scenario.All().Single(s => s.Name == which);
                var rows = kind == "scenario" ? 2000 : 12_000;
                var reference = ScenarioFiles.Write(file("reference.csv"), scenario.Reference.Sample(rows, 1));
                var current = ScenarioFiles.Write(file("current.csv"), scenario.Current.Sample(Math.Min(scenario.CurrentRows, 3000), 2), scenario.RemovedColumn);
                return (new CheckRequest { ReferencePath = reference, CurrentPath = current, LabelColumn = "Label", HistoryPath = history, RecordHistory = false }, new GatePolicy());
            }

            case "car-loan":
            {
                var policyPath = Path.Combine(CarLoan, "adaptgate.json");
                return (new CheckRequest { ReferencePath = Path.Combine(CarLoan, "reference.csv"), CurrentPath = Path.Combine(CarLoan, which), PolicyPath = policyPath, HistoryPath = history, RecordHistory = false }, PolicyLoader.Load(policyPath));
            }

            default:
                return Case(which, file, history);
        }
    }

    /// <summary>The check's edge cases: a regression with stored predictions, a multiclass label, and a large file with missing values, an identifier, a timestamp and unseen categories.</summary>
    private static (CheckRequest, GatePolicy) Case(string which, Func<string, string> file, string history)
    {
        var random = new Random(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string Write(string name, int rows, double shift, Func<int, double, string> row, string header)
        {
            var text = new StringBuilder(header).Append('\n');
            for (var i = 0; i < rows; i++)
            {
                text.Append(row(i, shift)).Append('\n');
            }

            File.WriteAllText(file(name), text.ToString());
            return file(name);
        }

        switch (which)
        {
            case "regression":
            {
                string Row(int i, double shift)
                {
                    var x = Normal() + shift;
                    var y = (2 * x) + Normal();
                    return $"{R(x)},{R(Normal())},{R(y)},{R((2 * x) + (shift * 0.5))}";
                }

                var reference = Write("reference.csv", 3000, 0, Row, "x,z,y,y_hat");
                var current = Write("current.csv", 2000, 0.4, Row, "x,z,y,y_hat");
                return (new CheckRequest { ReferencePath = reference, CurrentPath = current, LabelColumn = "y", PredictionColumn = "y_hat", HistoryPath = history, RecordHistory = false }, new GatePolicy());
            }

            case "multiclass":
            {
                string[] classes = ["red", "green", "blue"];
                string Row(int i, double shift)
                {
                    var x = Normal() + shift;
                    var label = classes[x < -0.5 ? 0 : x < 0.6 ? 1 : 2];
                    var predicted = random.NextDouble() < 0.8 ? label : classes[random.Next(3)];
                    return $"{R(x)},{classes[random.Next(3)]},{label},{predicted}";
                }

                var reference = Write("reference.csv", 3000, 0, Row, "x,colour,label,prediction");
                var current = Write("current.csv", 2500, 0.3, Row, "x,colour,label,prediction");
                return (new CheckRequest { ReferencePath = reference, CurrentPath = current, LabelColumn = "label", PredictionColumn = "prediction", HistoryPath = history, RecordHistory = false }, new GatePolicy());
            }

            default:
            {
                string Row(int i, double shift)
                {
                    var amount = i % 17 == 0 ? string.Empty : R(Math.Exp(Normal() + shift));
                    var city = shift > 0 && i % 9 == 0 ? "Atlantis" : new[] { "Oslo", "Lima", "Pune", "Kyiv" }[random.Next(4)];
                    var when = new DateTime(2024, 1, 1).AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
                    var score = Normal() + (shift / 3);
                    var label = score + Normal() > 0 ? "1" : "0";
                    var probability = 1 / (1 + Math.Exp(-score));
                    return $"{i},{when},{amount},{city},{R(Math.Round(Normal() * 3))},{label},{(probability > 0.5 ? "1" : "0")},{R(probability)}";
                }

                var header = "row_id,created,amount,city,steps,label,y_pred,y_proba";
                var reference = Write("reference.csv", 15_000, 0, Row, header);
                var current = Write("current.csv", 4000, 0.5, Row, header);
                return (new CheckRequest { ReferencePath = reference, CurrentPath = current, LabelColumn = "label", PredictionColumn = "y_pred", ProbabilityColumn = "y_proba", HistoryPath = history, RecordHistory = false }, new GatePolicy());
            }
        }
    }
}
