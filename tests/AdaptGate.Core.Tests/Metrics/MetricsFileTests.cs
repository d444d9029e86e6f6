using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Tests.Metrics;

public sealed class MetricsFileTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Reads_names_case_insensitively_and_maps_aliases_in_file_order()
    {
        var path = _files.Write("m.json", "{\n  \"ROC_AUC\": 0.91,\n  \"LogLoss\": 0.3,\n  \"Accuracy\": 0.88,\n  \"r^2\": 0.5,\n  \"val_loss\": 1e-3\n}\n");
        var set = MetricsFile.Read(path);

        Assert.Equal(["auc", "log-loss", "accuracy", "r2", "val_loss"], set.Names);
        Assert.Equal(0.91, set["AUC"]);
        Assert.Equal(0.001, set["val_loss"]);
    }

    [Fact]
    public void Accepts_a_byte_order_mark_comments_and_trailing_commas()
    {
        var path = _files.Path("m.json");
        File.WriteAllText(path, "// written by train.py\n{\"auc\": 0.9,}", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0.9, MetricsFile.Read(path)["auc"]);
    }

    [Theory]
    [InlineData("{\n\"auc\": 0.9\n\"f1\": 0.8}", 3, "not valid JSON")]
    [InlineData("auc=0.9", 1, "not valid JSON")]
    [InlineData("{\"auc\": NaN}", 1, "not valid JSON")]
    [InlineData("[0.9]", 1, "expected a JSON object, found an array")]
    [InlineData("{\n\"auc\": \"high\"}", 2, "metric 'auc' is a string, not a number")]
    [InlineData("{\n\"auc\": {\"value\": 0.9}}", 2, "metric 'auc' is an object, not a number")]
    [InlineData("{\"auc\": null}", 1, "metric 'auc' is null, not a number")]
    [InlineData("{\n\"auc\": \"NaN\"}", 2, "metric 'auc' is NaN, not a finite number")]
    [InlineData("{\"auc\": 1e999}", 1, "out of the range")]
    [InlineData("{\"AUC\": 0.9,\n\"roc_auc\": 0.8}", 2, "given twice")]
    [InlineData("{\"log_loss\": 0.9,\n\n\"LogLoss\": 0.8}", 3, "given twice")]
    public void Bad_content_names_the_file_the_line_and_the_problem(string content, long line, string message)
    {
        var path = _files.Write("bad.json", content);
        var error = Assert.Throws<InputException>(() => MetricsFile.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Theory]
    [InlineData("{}", "empty")]
    [InlineData("", "the file is empty")]
    [InlineData(" \n", "the file is empty")]
    public void Empty_files_and_objects_are_refused(string content, string message)
    {
        var error = Assert.Throws<InputException>(() => MetricsFile.Read(_files.Write("empty.json", content)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var path = _files.Path("absent.json");
        var error = Assert.Throws<InputException>(() => MetricsFile.Read(path));
        Assert.Equal(path, error.FilePath);
    }
}
