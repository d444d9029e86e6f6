using System.CommandLine;
using AdaptGate.Core;
using AdaptGate.Core.Policy;
using AdaptGate.Tool.Output;

namespace AdaptGate.Tool.Cli;

/// <summary><c>adaptgate init</c>: write a policy file with every setting at its default, and its schema for editors.</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter stdout)
    {
        var output = new Option<string?>("--output", "-o")
        {
            Description = $"Where to write the policy (default {PolicyLoader.DefaultFileName}; - for standard output, without the schema), or with --recipe the recipe (default {RecipeInit.DefaultFileName}).",
        };
        var recipe = new Option<bool>("--recipe")
        {
            Description = "Write a starting training recipe instead of a policy (docs/adapt.md, \"Recipes\"), read from --from-model; every guess is listed in its \"confirm\".",
        };
        var fromModel = new Option<string?>("--from-model")
        {
            Description = "With --recipe: the saved ML.NET model (.zip) to read the recipe from, or a Model Builder training configuration (.mbconfig).",
        };
        var label = new Option<string?>("--label")
        {
            Description = "With --recipe: the label column (a saved model does not record it; without this it is a guess).",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace the file if it exists.",
        };

        var command = new Command("init", "Write adaptgate.json with every setting at its default (edit what you need), and the JSON Schema editors use to complete and check it.\n\nExample:\n  adaptgate init && adaptgate explain")
        {
            output, force, recipe, fromModel, label,
        };

        command.SetAction(parse =>
        {
            if (parse.GetValue(recipe))
            {
                return RecipeInit.Run(parse.GetValue(fromModel), parse.GetValue(label), parse.GetValue(output), parse.GetValue(force), stdout);
            }

            if (parse.GetValue(fromModel) is not null || parse.GetValue(label) is not null)
            {
                throw new InputException("--from-model and --label go with --recipe.", hint: "Run 'adaptgate init --recipe --from-model model.zip' for a starting recipe, or 'adaptgate init' for a policy.");
            }

            var path = parse.GetValue(output) ?? PolicyLoader.DefaultFileName;
            if (StandardOutput.Names(path))
            {
                // A policy on standard output is for piping or reading: no schema beside it, no notes around it.
                stdout.Write(PolicyWriter.Write(new GatePolicy()));
                return ExitCodes.Success;
            }

            if (Directory.Exists(path))
            {
                throw new InputException("This is a folder, not a file.", path, hint: $"Name the file to write, such as --output {Path.Combine(path, PolicyLoader.DefaultFileName)}.");
            }

            if (File.Exists(path) && !parse.GetValue(force))
            {
                throw new InputException("The policy file already exists; init does not overwrite it.", path, hint: "Pass --force to replace it with the defaults, or --output to write another file.");
            }

            // The schema sits where the policy's relative "$schema" points: editors find it offline,
            // and it always matches the version of the tool that reads the policy.
            var schemaPath = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, PolicySchema.RelativePath);
            ReportFile.Write(path, PolicyWriter.Write(new GatePolicy()), stdout);
            ReportFile.Write(schemaPath, PolicySchema.Json, stdout);

            stdout.WriteLine($"Wrote {path} (every setting at its default) and {schemaPath} (its JSON Schema, for editors).");
            stdout.WriteLine($"Run 'adaptgate explain{(path == PolicyLoader.DefaultFileName ? string.Empty : " --policy " + path)}' to see the rules it makes.");
            return ExitCodes.Success;
        });
        return command;
    }
}
