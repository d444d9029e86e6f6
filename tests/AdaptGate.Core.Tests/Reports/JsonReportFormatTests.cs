using AdaptGate.Core;
using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Reports;

public sealed class JsonReportFormatTests
{
    private static CheckReport SampleReport() => CheckRunner.Compare(
        new CheckRequest { ReferencePath = "reference.csv", CurrentPath = "current.csv", LabelColumn = "repaid", PredictionColumn = "y_pred", ProbabilityColumn = "y_pred_proba" },
        new GatePolicy(),
        TableReader.Read(SampleData.CarLoan("reference.csv")),
        TableReader.Read(SampleData.CarLoan("current.csv")));

    [Fact]
    public void Round_trips_byte_for_byte()
    {
        var json = JsonReportFormat.Write(SampleReport());

        var read = JsonReportFormat.Read(json, "report.json");

        Assert.Equal(Verdict.Retrain, read.Verdict);
        Assert.Equal(json, JsonReportFormat.Write(read));
    }

    [Fact]
    public void Writes_the_contract_names_and_readable_text()
    {
        var json = JsonReportFormat.Write(SampleReport());

        Assert.Contains("\"verdict\": \"retrain\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pValue\": null", json, StringComparison.Ordinal);

        // Readable text: the chart bins' en dash and the reasons' percent signs are not \u escapes.
        Assert.Contains(" – ", json, StringComparison.Ordinal);
        Assert.Contains("57.1%", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_something_else_names_the_file_and_line()
    {
        var error = Assert.Throws<InputException>(() => JsonReportFormat.Read("{\n  \"verdict\": \"maybe\"\n}", "r.json"));

        Assert.Equal("r.json", error.FilePath);
        Assert.Equal(2, error.Line);
        Assert.Contains("adaptgate check --format json", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_number_is_written_as_null_and_the_report_stays_readable()
    {
        var report = SampleReport();
        var column = report.Drift.Columns[0] with { Score = double.PositiveInfinity, Threshold = double.NaN };
        report = report with
        {
            Drift = report.Drift with { Share = double.NegativeInfinity, Columns = [column, .. report.Drift.Columns.Skip(1)] },
        };

        var json = JsonReportFormat.Write(report);

        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        var read = JsonReportFormat.Read(json, "report.json");
        Assert.Null(read.Drift.Columns[0].Score);
        Assert.True(double.IsNaN(read.Drift.Columns[0].Threshold));
        Assert.True(double.IsNaN(read.Drift.Share));
    }

    [Fact]
    public void A_name_holding_a_logging_command_is_escaped_in_json_and_reads_back_the_same()
    {
        var report = SampleReport();
        var name = "b\r##vso[task.setvariable variable=a]b";
        report = report with { Drift = report.Drift with { Columns = [report.Drift.Columns[0] with { Name = name }, .. report.Drift.Columns.Skip(1)] } };

        var json = JsonReportFormat.Write(report);

        Assert.DoesNotContain("##", json, StringComparison.Ordinal);
        Assert.Equal(name, JsonReportFormat.Read(json, "report.json").Drift.Columns[0].Name);
    }
}
