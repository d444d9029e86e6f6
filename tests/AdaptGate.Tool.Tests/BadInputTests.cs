using System.Text;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// Every way a user can hand us bad input ends the same way: exit code 2, one message on stderr
/// that names the file (and line or column where there is one) and says what to do, nothing on
/// stdout, and never a stack trace.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private const string Good = "a,b,c\n1,x,true\n2,y,false\n3,x,true\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Missing_file()
    {
        var missing = Path.Combine(_dir.Path, "nope.csv");

        var run = Check(missing, _dir.File("cur.csv", Good));

        AssertBadInput(run, missing);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file()
    {
        var empty = _dir.File("empty.csv", string.Empty);

        var run = Check(_dir.File("ref.csv", Good), empty);

        AssertBadInput(run, empty);
        Assert.Contains("empty", run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Header_only()
    {
        var header = _dir.File("header.csv", "a,b,c\n");

        var run = Check(header, _dir.File("cur.csv", Good));

        AssertBadInput(run, header);
        Assert.Contains("no data rows", run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ragged_row_names_the_line()
    {
        var ragged = _dir.File("ragged.csv", "a,b,c\n1,x,true\n2,y\n3,x,true\n");

        var run = Check(_dir.File("ref.csv", Good), ragged);

        AssertBadInput(run, ragged + ":3");
    }

    [Fact]
    public void Unclosed_quote()
    {
        var broken = _dir.File("quote.csv", "a,b,c\n1,x,true\n2,\"y,false\n3,x,true\n");

        var run = Check(_dir.File("ref.csv", Good), broken);

        AssertBadInput(run, broken);
        Assert.Contains("quote", run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Duplicate_column_names()
    {
        var duplicate = _dir.File("dup.csv", "a,b,a\n1,x,2\n2,y,3\n");

        var run = Check(duplicate, _dir.File("cur.csv", Good));

        AssertBadInput(run, duplicate);
        Assert.Contains("'a'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_common_columns()
    {
        var other = _dir.File("other.csv", "x,y\n1,2\n3,4\n");

        var run = Check(_dir.File("ref.csv", Good), other);

        AssertBadInput(run, other);
        Assert.Contains("no column in common", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8()
    {
        var latin1 = _dir.File("latin1.csv", Encoding.Latin1.GetBytes("a,b,c\n1,caf\u00e9,true\n2,y,false\n"));

        var run = Check(_dir.File("ref.csv", Good), latin1);

        AssertBadInput(run, latin1);
        Assert.Contains("UTF-8", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_parquet()
    {
        var parquet = _dir.File("data.parquet", "PAR1 this is not really parquet");

        var run = Check(parquet, _dir.File("cur.csv", Good));

        AssertBadInput(run, parquet);
    }

    [Fact]
    public void Infinity_in_a_numeric_column()
    {
        var infinite = _dir.File("inf.csv", "a,b,c\n1,x,true\nInfinity,y,false\n3,x,true\n");

        var run = Check(_dir.File("ref.csv", Good), infinite);

        AssertBadInput(run, infinite + ":3");
        Assert.Contains("'a'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_drift_method()
    {
        var run = CliRun.Of("check", "-r", _dir.File("ref.csv", Good), "-c", _dir.File("cur.csv", Good), "--drift-method", "magic");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("magic", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("adaptgate check --help", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Missing_required_option()
    {
        var run = CliRun.Of("check", "-r", _dir.File("ref.csv", Good));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--current", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignore_names_an_unknown_column()
    {
        var reference = _dir.File("ref.csv", Good);

        var run = CliRun.Of("check", "-r", reference, "-c", _dir.File("cur.csv", Good), "--ignore", "zzz");

        AssertBadInput(run, reference);
        Assert.Contains("'zzz'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwritable_output_is_bad_input_and_no_report_is_left()
    {
        var blocker = _dir.File("blocker", "a file where a folder should be");

        var run = CliRun.Of("check", "-r", _dir.File("ref.csv", Good), "-c", _dir.File("cur.csv", Good), "-o", Path.Combine(blocker, "report.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Cannot write the report", run.Stderr, StringComparison.Ordinal);
    }

    private static CliRun Check(string reference, string current) =>
        CliRun.Of("check", "--reference", reference, "--current", current);

    private static void AssertBadInput(CliRun run, string where)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: " + where, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
