using System.CommandLine;
using System.Globalization;
using AdaptGate.Core;
using AdaptGate.Core.Output;
using AdaptGate.Core.Profiles;
using AdaptGate.Core.Sql;

namespace AdaptGate.Tool.Cli;

/// <summary><c>adaptgate profile</c>: summarise data into a small .agprofile file, and merge profiles of parts.</summary>
internal static class ProfileCommand
{
    public static Command Create(TextWriter stdout, IEnvironment environment)
    {
        var data = new Argument<string>("DATA") { Description = "A .csv, .tsv or .parquet file, a folder of them, a pattern such as 'lake/part-*.csv' (quoted), a DuckDB source such as \"duckdb:SELECT * FROM read_parquet('lake/*.parquet')\" profiled inside DuckDB, or a ClickHouse source such as \"clickhouse://host:8123/logs?table=predictions\" profiled inside the server or cluster (login from ADAPTGATE_CLICKHOUSE_USER and ADAPTGATE_CLICKHOUSE_PASSWORD)." };
        var output = OutputOption();
        var command = new Command("profile", "Summarise data (counts, moments, decile bins, category counts, a quantile sketch) into a small profile that 'check --reference' can read in place of the data.\n\nExamples:\n  adaptgate profile data/train.csv --output train.agprofile\n  adaptgate profile 'lake/part-*.csv' --output train.agprofile\n  adaptgate profile \"duckdb:SELECT * FROM read_parquet('lake/train/*.parquet')\" --output train.agprofile\n  adaptgate profile \"duckdb:warehouse.duckdb?table=train\" --output train.agprofile\n  adaptgate profile \"clickhouse://ch.internal:8123/logs?query=SELECT * FROM predictions WHERE day >= today() - 7\" --output week.agprofile\n  adaptgate profile merge a.agprofile b.agprofile --output all.agprofile")
        {
            data, output,
        };
        command.Subcommands.Add(MergeCommand(stdout));
        command.SetAction(parse =>
        {
            var target = Target(parse.GetValue(output)!);
            var argument = parse.GetValue(data)!;
            if (SqlProfileSource.Recognizes(argument))
            {
                return ProfileSql(stdout, argument, target, SqlLogin.For(argument, environment));
            }

            var files = DataSources.Expand(argument);
            OutputGuard.Refuse([new FileRole("the profile (--output)", target)], files.Select(f => new FileRole("the data", f)));
            var body = Profiler.Profile(files, maxDegreeOfParallelism: Environment.ProcessorCount);
            ProfileFile.Write(target, body);
            stdout.WriteLine(Summary(target, body, files.Count));
            return ExitCodes.Success;
        });
        return command;
    }

    private static int ProfileSql(TextWriter stdout, string argument, string target, Core.Sql.SqlCredentials? login)
    {
        OutputGuard.Refuse([new FileRole("the profile (--output)", target)], SqlProfileSource.Files(argument).Select(f => new FileRole("the DuckDB database", f)));
        var profile = SqlProfileSource.Profile(argument, login);
        ProfileFile.Write(target, profile.Body);
        foreach (var skipped in profile.Skipped)
        {
            stdout.WriteLine(Core.Reports.InertText.Escape($"Skipped column '{MessageText.Name(skipped.Name)}': {skipped.Reason}."));
        }

        stdout.WriteLine(Summary(target, profile.Body, 1));
        return ExitCodes.Success;
    }

    private static Command MergeCommand(TextWriter stdout)
    {
        var profiles = new Argument<string[]>("PROFILES") { Description = "Two or more .agprofile files of data with the same columns.", Arity = ArgumentArity.OneOrMore };
        profiles.Validators.Add(r =>
        {
            if (r.Tokens.Count < 2)
            {
                r.AddError("profile merge takes two or more profiles.");
            }
        });
        var output = OutputOption();
        var command = new Command("merge", "Merge profiles of parts of one data set into the profile of the whole: counts and moments exactly, quantiles within the sketch's bound (docs/profiles.md).")
        {
            profiles, output,
        };
        command.SetAction(parse =>
        {
            var target = Target(parse.GetValue(output)!);
            var paths = parse.GetValue(profiles)!;
            OutputGuard.Refuse([new FileRole("the profile (--output)", target)], paths.Select(p => new FileRole("a merged profile", p)));
            var parts = paths.Select(p => (p, ProfileFile.Read(p))).ToArray();
            var body = ProfileMerger.Merge(parts);
            ProfileFile.Write(target, body);
            stdout.WriteLine(Summary(target, body, paths.Length));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> OutputOption() => new("--output", "-o")
    {
        Description = "The profile to write (.agprofile).",
        Required = true,
    };

    private static string Target(string output) => ProfileFile.IsProfile(output)
        ? output
        : throw new InputException($"A profile's name ends in {ProfileFile.Extension}.", output, hint: $"Name the output like 'train{ProfileFile.Extension}', so 'check --reference' knows it for a profile.");

    private static string Summary(string target, Core.Profiles.ProfileBody body, int parts) => string.Create(CultureInfo.InvariantCulture,
        $"Wrote {target}: {body.Rows:N0} rows, {body.Columns.Count} columns from {parts} {(parts == 1 ? "part" : "parts")}, {new FileInfo(target).Length:N0} bytes.");
}
