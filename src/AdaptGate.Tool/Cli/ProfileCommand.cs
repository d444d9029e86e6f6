using System.CommandLine;
using System.Globalization;
using AdaptGate.Core;
using AdaptGate.Core.Checking;
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
        var policy = PolicySource.CreateOption();
        var roles = new RoleOptions();
        var command = new Command("profile", "Summarise data (counts, moments, decile bins, category counts, a quantile sketch) into a small profile that 'check --reference' can read in place of the data.\n\nExamples:\n  adaptgate profile data/train.csv --output train.agprofile\n  adaptgate profile data/train.csv --label y --prediction y_pred --probability p --output train.agprofile\n  adaptgate profile 'lake/part-*.csv' --output train.agprofile\n  adaptgate profile \"duckdb:SELECT * FROM read_parquet('lake/train/*.parquet')\" --output train.agprofile\n  adaptgate profile \"duckdb:warehouse.duckdb?table=train\" --output train.agprofile\n  adaptgate profile \"clickhouse://ch.internal:8123/logs?query=SELECT * FROM predictions WHERE day >= today() - 7\" --output week.agprofile\n  adaptgate profile merge a.agprofile b.agprofile --output all.agprofile")
        {
            data, output, policy, roles.Label, roles.Prediction, roles.Probability, roles.Task, roles.PositiveClass,
        };
        command.Subcommands.Add(MergeCommand(stdout));
        command.SetAction((parse, cancellationToken) =>
        {
            var target = Target(parse.GetValue(output)!);
            var argument = parse.GetValue(data)!;
            if (SqlProfileSource.Recognizes(argument))
            {
                if (new[] { parse.GetValue(roles.Label), parse.GetValue(roles.Prediction), parse.GetValue(roles.Probability) }.Any(r => r is not null))
                {
                    throw new InputException(
                        "Roles (--label, --prediction, --probability) are profiled from a data file's rows, which a SQL source keeps in its engine.",
                        argument,
                        hint: "Profile the SQL source without roles (its drift summaries), or export the reference with its predictions to a file and profile that with its roles.");
                }


                return Task.FromResult(ProfileSql(stdout, argument, target, SqlLogin.For(argument, environment)));
            }

            var files = DataSources.Expand(argument);
            var (gatePolicy, policyPath) = PolicySource.Load(parse.GetValue(policy));
            var inputs = files.Select(f => new FileRole("the data", f)).ToList();
            if (policyPath is not null)
            {
                inputs.Add(new FileRole("the policy (--policy)", policyPath));
            }

            OutputGuard.Refuse([new FileRole("the profile (--output)", target)], inputs);
            var request = new CheckRequest
            {
                ReferencePath = files[0],
                CurrentPath = files[0],
                PolicyPath = policyPath,
                LabelColumn = parse.GetValue(roles.Label),
                PredictionColumn = parse.GetValue(roles.Prediction),
                ProbabilityColumn = parse.GetValue(roles.Probability),
                Task = RoleOptions.ParseTask(parse.GetValue(roles.Task)),
                PositiveClass = parse.GetValue(roles.PositiveClass),
            };
            var body = files.Count == 1
                ? RoleProfiler.Profile(files[0], request, gatePolicy, cancellationToken)
                : Profiler.Profile(files, CheckSettingsReadOptions(gatePolicy, request, files), maxDegreeOfParallelism: Environment.ProcessorCount, cancellationToken: cancellationToken);
            ProfileFile.Write(target, body);
            stdout.WriteLine(Summary(target, body, files.Count));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>Several files are profiled apart and merged, which roles cannot be (their baseline is of all the rows).</summary>
    private static Core.Data.TableReadOptions CheckSettingsReadOptions(Core.Policy.GatePolicy policy, CheckRequest request, IReadOnlyList<string> files)
    {
        if ((request.LabelColumn ?? request.PredictionColumn ?? request.ProbabilityColumn ?? policy.Target.Label ?? policy.Target.Prediction ?? policy.Target.Probability) is not null)
        {
            throw new InputException(
                $"Roles (--label, --prediction, --probability or the policy's target) are profiled from one data file, and this names {files.Count}.",
                files[0],
                hint: "Profile the one file that holds the whole reference with its roles, or leave the roles out to profile and merge the parts.");
        }

        return RoleProfiler.ReadOptions(policy, request);
    }

    private static int ProfileSql(TextWriter stdout, string argument, string target, SqlCredentials? login)
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
