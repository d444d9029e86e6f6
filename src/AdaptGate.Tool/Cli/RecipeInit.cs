using AdaptGate.Core;
using AdaptGate.Core.Adaptation.Recipes;
using AdaptGate.Tool.Output;

namespace AdaptGate.Tool.Cli;

/// <summary><c>adaptgate init --recipe --from-model M</c>: a starting recipe read off a model or a Model Builder configuration, guesses listed for review.</summary>
internal static class RecipeInit
{
    public const string DefaultFileName = "recipe.json";

    public static int Run(string? fromModel, string? label, string? output, bool force, TextWriter stdout)
    {
        if (fromModel is null)
        {
            throw new InputException("init --recipe needs --from-model.", hint: "Pass the saved model (--from-model model.zip) or Model Builder's configuration (--from-model MLModel.mbconfig).");
        }

        var start = fromModel.EndsWith(".mbconfig", StringComparison.OrdinalIgnoreCase)
            ? RecipeFromModelBuilder.Read(fromModel)
            : RecipeFromModel.Read(fromModel, label);
        var recipe = label is null || start.Recipe.Label == label
            ? start.Recipe
            : start.Recipe with { Label = label, Columns = start.Recipe.Columns.Where(c => c.Name != label).ToArray(), Confirm = start.Recipe.Confirm.Where(c => !c.StartsWith("label:", StringComparison.Ordinal)).ToArray() };
        var text = RecipeWriter.Write(recipe);
        var path = output ?? DefaultFileName;
        if (StandardOutput.Names(path))
        {
            stdout.Write(text);
            return ExitCodes.Success;
        }

        if (Path.GetFullPath(path) == Path.GetFullPath(fromModel))
        {
            throw new InputException("The recipe would overwrite the model it is read from (--from-model).", path, hint: "Name another file with --output.");
        }

        if (Directory.Exists(path))
        {
            throw new InputException("This is a folder, not a file.", path, hint: $"Name the file to write, such as --output {Path.Combine(path, DefaultFileName)}.");
        }

        if (File.Exists(path) && !force)
        {
            throw new InputException("The recipe file already exists; init does not overwrite it.", path, hint: "Pass --force to replace it, or --output to write another file.");
        }

        ReportFile.Write(path, text, stdout);
        stdout.WriteLine($"Wrote {InertText(path)}: a starting recipe read from {InertText(fromModel)}.");
        foreach (var note in start.Notes)
        {
            stdout.WriteLine($"  {InertText(note)}");
        }

        stdout.WriteLine(recipe.Confirm.Count == 0
            ? "Nothing to confirm."
            : $"{recipe.Confirm.Count} guess{(recipe.Confirm.Count == 1 ? string.Empty : "es")} to confirm (the \"confirm\" list in the file; adapt refuses the recipe until it is gone):");
        foreach (var guess in recipe.Confirm)
        {
            stdout.WriteLine($"  - {InertText(guess)}");
        }

        return ExitCodes.Success;
    }

    private static string InertText(string text) => Core.Reports.InertText.Escape(text);
}
