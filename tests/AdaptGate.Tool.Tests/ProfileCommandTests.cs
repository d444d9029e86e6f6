using System.IO.Compression;
using System.Text;

namespace AdaptGate.Tool.Tests;

/// <summary><c>adaptgate profile</c> and <c>profile merge</c>: what they write, and how bad input reads (exit 2, the file named).</summary>
public sealed class ProfileCommandTests
{
    [Fact]
    public void Profiles_a_pattern_of_parts_and_merges_profiles_into_the_same_counts()
    {
        using var dir = new TempDir();
        dir.File("part-1.csv", "x,c\n1,a\n2,b\n3,a\n");
        dir.File("part-2.csv", "x,c\n4,b\n,a\n");
        var all = Path.Combine(dir.Path, "all.agprofile");
        var one = Path.Combine(dir.Path, "one.agprofile");
        var two = Path.Combine(dir.Path, "two.agprofile");
        var merged = Path.Combine(dir.Path, "merged.agprofile");

        var run = CliRun.Of("profile", Path.Combine(dir.Path, "part-*.csv"), "--output", all);
        Assert.Equal(0, CliRun.Of("profile", Path.Combine(dir.Path, "part-1.csv"), "-o", one).ExitCode);
        Assert.Equal(0, CliRun.Of("profile", Path.Combine(dir.Path, "part-2.csv"), "-o", two).ExitCode);
        var merge = CliRun.Of("profile", "merge", one, two, "--output", merged);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Wrote {all}: 5 rows, 2 columns from 2 parts,", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, merge.ExitCode);
        Assert.Equal(Body(all), Body(merged));
        Assert.Contains("\"categories\":[\"a\",\"b\"],\"categoryCounts\":[3,2]", Body(all), StringComparison.Ordinal);
        Assert.Contains("\"moments\":{\"count\":4,\"min\":1,\"max\":4,\"mean\":2.5,\"m2\":5,\"allInteger\":true}", Body(all), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_matching_nothing_exits_2_naming_it()
    {
        using var dir = new TempDir();
        var pattern = Path.Combine(dir.Path, "part-*.csv");

        var run = CliRun.Of("profile", pattern, "--output", Path.Combine(dir.Path, "x.agprofile"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {pattern}: The pattern matches no file.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_profile_exits_2_naming_it()
    {
        using var dir = new TempDir();
        var data = dir.File("d.csv", "x\n1\n2\n");
        var profile = Path.Combine(dir.Path, "d.agprofile");
        Assert.Equal(0, CliRun.Of("profile", data, "-o", profile).ExitCode);
        Rewrite(profile, text => text.Replace("\"rows\":2", "\"rows\":3", StringComparison.Ordinal));

        var run = CliRun.Of("profile", "merge", profile, profile, "-o", Path.Combine(dir.Path, "m.agprofile"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {profile}: The profile cannot be read: its content does not match its sha256", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_of_another_version_exits_2_saying_what_to_do()
    {
        using var dir = new TempDir();
        var data = dir.File("d.csv", "x\n1\n2\n");
        var profile = Path.Combine(dir.Path, "d.agprofile");
        Assert.Equal(0, CliRun.Of("profile", data, "-o", profile).ExitCode);
        Rewrite(profile, text => text.Replace("\"version\":2", "\"version\":3", StringComparison.Ordinal));

        var run = CliRun.Of("profile", "merge", profile, profile, "-o", Path.Combine(dir.Path, "m.agprofile"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The profile has format version 3; this AdaptGate reads versions 1 and 2. Make the profile again", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_profiles_of_different_kinds_exits_2_naming_the_column()
    {
        using var dir = new TempDir();
        var a = Path.Combine(dir.Path, "a.agprofile");
        var b = Path.Combine(dir.Path, "b.agprofile");
        Assert.Equal(0, CliRun.Of("profile", dir.File("a.csv", "x,y\n1,2\n"), "-o", a).ExitCode);
        Assert.Equal(0, CliRun.Of("profile", dir.File("b.csv", "x,y\n1,red\n"), "-o", b).ExitCode);

        var run = CliRun.Of("profile", "merge", a, b, "-o", Path.Combine(dir.Path, "m.agprofile"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {b}: The profile's schema differs from {a}'s: column 2 is 'y' (numeric)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_never_replaces_its_data()
    {
        using var dir = new TempDir();
        var data = dir.File("d.agprofile.csv", "x\n1\n");

        var run = CliRun.Of("profile", data, "-o", Path.Combine(dir.Path, "out.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("A profile's name ends in .agprofile.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("x\n1\n", File.ReadAllText(data));
    }

    /// <summary>A profile given to check is read as the reference (it used to be refused as not a data file).</summary>
    [Fact]
    public void A_profile_given_to_check_is_its_reference()
    {
        using var dir = new TempDir();
        var data = dir.File("d.csv", "x\n1\n2\n");
        var profile = Path.Combine(dir.Path, "d.agprofile");
        Assert.Equal(0, CliRun.Of("profile", data, "-o", profile).ExitCode);

        var run = CliRun.Of("check", "--reference", profile, "--current", data, "--no-history");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Verdict: SKIP", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_page_lists_merge_s_options()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "cli.md"));
        var merge = Cli.ProfileCommand.Create(TextWriter.Null, new DictionaryEnvironment()).Subcommands.Single();

        Assert.All(merge.Options.Where(o => o.Name != "--help"), o => Assert.Matches($@"adaptgate profile merge\b[^`\n]*{o.Name}\b", page));
    }

    private static string Body(string profile)
    {
        var text = Read(profile);
        return text[text.IndexOf("\"body\":", StringComparison.Ordinal)..].Replace("\"sources\":[\"one.agprofile\",\"two.agprofile\"]", string.Empty, StringComparison.Ordinal)
            .Replace("\"sources\":[\"part-1.csv\",\"part-2.csv\"]", string.Empty, StringComparison.Ordinal);
    }

    private static string Read(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Rewrite(string path, Func<string, string> edit)
    {
        var text = edit(Read(path));
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Optimal);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }
}
