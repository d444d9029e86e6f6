using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Policy.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>
/// A recipe checked against the data it is fitted on: the one it applies (columns that left the current data
/// dropped), the columns dropped, and the input schema of the model it makes.
/// </summary>
/// <remarks><c>FileSteps</c>: For each step applied, its index in the file's "steps" (a step whose columns all left is not applied).</remarks>
internal sealed record BoundRecipe(string Path, TrainingRecipe Recipe, IReadOnlyList<string> Dropped, DataViewSchema InputSchema, MetricTask Task, IReadOnlyList<int> FileSteps);

/// <summary>
/// Fits a recipe to the data before anything is trained: every column it names is in the data with a kind the
/// recipe can read, each step reads columns of the kind it works on, and the trainer fits the model's task. A
/// feature the reference has and the current file no longer has is dropped (a retrain learns without it); one
/// neither file has is an error naming the JSON path.
/// </summary>
internal static class RecipeBinding
{
    /// <remarks><c>reference</c>: The reference rows as read (before a removed feature is filled in).</remarks>
    /// <remarks><c>current</c>: The current rows as read: a feature missing here is dropped.</remarks>
    /// <remarks><c>task</c>: The task of the model being adapted: the trainer must fit it.</remarks>
    public static BoundRecipe Bind(TrainingRecipe recipe, string path, DataTable reference, DataTable current, MetricTask task, string modelPath)
    {
        var index = Lines(path);
        InputException At(string at, string message, string hint) => new($"{at}: {message}", path, index?.LineOf(at), hint: hint);

        var trainer = RecipeCatalog.Trainer(recipe.Trainer.Name)!;
        if (trainer.Task != task)
        {
            throw At("$.trainer.name", $"{trainer.Name} trains a {RecipeCatalog.TaskName(trainer.Task)} model, and the model {modelPath} is a {RecipeCatalog.TaskName(task)} model.",
                $"Name a {RecipeCatalog.TaskName(task)} trainer: {string.Join(", ", RecipeCatalog.Trainers.Where(t => t.Task == task).Select(t => t.Name))}.");
        }

        var label = current.Find(recipe.Label) ?? reference.Find(recipe.Label);
        if (label is null)
        {
            throw At("$.label", $"The label '{recipe.Label}' is in neither {reference.SourcePath} nor {current.SourcePath}.", $"{Columns(current)} Name the column with the true outcome.");
        }

        if (task == MetricTask.Regression && label is not NumericColumn { Kind: ColumnKind.Numeric })
        {
            throw At("$.label", $"{trainer.Name} is a regression trainer, and the label '{recipe.Label}' holds text.", "Point \"label\" at a numeric column, or name a classification trainer.");
        }

        var dropped = new List<string>();
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var schema = new DataViewSchema.Builder();
        for (var i = 0; i < recipe.Columns.Count; i++)
        {
            var column = recipe.Columns[i];
            if (column.Role != "feature")
            {
                continue;
            }

            var inCurrent = current.Find(column.Name);
            var data = inCurrent ?? reference.Find(column.Name);
            if (data is null)
            {
                throw At($"$.columns[{i}].name", $"The column '{column.Name}' is in neither {reference.SourcePath} nor {current.SourcePath}.", $"{Columns(current)} Fix the name, or remove the column from the recipe.");
            }

            if (inCurrent is null)
            {
                dropped.Add(column.Name);
                continue;
            }

            if (column.Kind is "numeric" or "boolean" && data is CategoricalColumn { Kind: not ColumnKind.Boolean })
            {
                throw At($"$.columns[{i}].kind", $"'{column.Name}' is declared {column.Kind}, and {current.SourcePath} holds text in it.", "Declare it \"categorical\" (a few repeated values) or \"text\" (free text).");
            }

            kinds[column.Name] = column.Kind is "numeric" or "boolean" ? "numeric" : column.Kind;
            schema.AddColumn(column.Name, column.Kind is "numeric" or "boolean" ? NumberDataViewType.Single : TextDataViewType.Instance);
        }

        var (applied, fileSteps) = Drop(recipe, [.. dropped], At);
        CheckKinds(recipe, kinds, At);
        return new BoundRecipe(path, applied, dropped, schema.ToSchema(), task, fileSteps);
    }

    /// <summary>The recipe without the dropped columns: each step forgets them, and a step left with none goes.</summary>
    private static (TrainingRecipe Applied, List<int> FileSteps) Drop(TrainingRecipe recipe, List<string> dropped, Func<string, string, string, InputException> at)
    {
        var steps = new List<RecipeStep>();
        var fileSteps = new List<int>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var kept = step.Columns.Where(c => !dropped.Contains(c, StringComparer.Ordinal)).ToArray();
            if (kept.Length > 0)
            {
                steps.Add(kept.Length == step.Columns.Count ? step : step with { Columns = kept });
                fileSteps.Add(i);
            }
            else if (step.Output is { } output)
            {
                dropped.Add(output);
            }
        }

        if (dropped.Contains(recipe.Trainer.Features, StringComparer.Ordinal))
        {
            throw at("$.trainer.features", $"Every column of '{recipe.Trainer.Features}' left the current data ({string.Join(", ", dropped)}): the trainer has nothing to read.",
                "Add the current file's columns to the recipe.");
        }

        return dropped.Count == 0
            ? (recipe, fileSteps)
            : (recipe with { Columns = recipe.Columns.Where(c => !dropped.Contains(c.Name, StringComparer.Ordinal)).ToArray(), Steps = steps }, fileSteps);
    }

    /// <summary>Each step reads the kind it works on: categories are encoded before they are normalised or concatenated.</summary>
    private static void CheckKinds(TrainingRecipe recipe, Dictionary<string, string> kinds, Func<string, string, string, InputException> at)
    {
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var reads = RecipeCatalog.Step(step.Step)!.Reads;
            foreach (var column in step.Columns.Where(kinds.ContainsKey))
            {
                var kind = kinds[column];
                var fits = reads switch
                {
                    "categorical" => kind is "categorical" or "text",
                    "text" => kind is "text" or "categorical",
                    _ => kind == "numeric",
                };
                if (!fits)
                {
                    var fix = kind == "numeric"
                        ? $"{step.Step} reads {reads} columns: remove '{column}' from this step, or declare it categorical."
                        : $"Encode '{column}' first (oneHot, hash or text) so that it is a number, then {step.Step} it.";
                    throw at($"$.steps[{i}]", $"The step {step.Step} cannot be applied to '{column}', a {kind} column.", fix);
                }
            }

            foreach (var column in step.Columns.Where(kinds.ContainsKey))
            {
                kinds[column] = "numeric";
            }

            if (step.Output is { } output && step.Columns.Any(kinds.ContainsKey))
            {
                kinds[output] = "numeric";
            }
        }

        if (kinds.TryGetValue(recipe.Trainer.Features, out var features) && features != "numeric")
        {
            throw at("$.trainer.features", $"The trainer reads '{recipe.Trainer.Features}', a {features} column.", "Encode it (oneHot, hash or text) and concatenate the features into one vector.");
        }
    }

    private static string Columns(DataTable table) =>
        $"{table.SourcePath} has: {string.Join(", ", table.Columns.Take(12).Select(c => $"'{c.Name}'"))}{(table.Columns.Count > 12 ? ", ..." : string.Empty)}.";

    private static JsonLineIndex? Lines(string path)
    {
        try
        {
            return JsonLineIndex.Build(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
