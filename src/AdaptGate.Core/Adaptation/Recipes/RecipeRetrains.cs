using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Output;

namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>What adapt does with <c>--recipe</c>, outside the training itself: read it, fit it to the data, write the recipe it applied, report it.</summary>
internal static class RecipeRetrains
{
    /// <exception cref="InputException">The recipe is not valid, or still holds guesses to confirm.</exception>
    public static TrainingRecipe Read(string path)
    {
        var recipe = RecipeReader.Read(path);
        if (recipe.Confirm.Count > 0)
        {
            throw new InputException(
                $"$.confirm: the recipe still lists {recipe.Confirm.Count} guess{(recipe.Confirm.Count == 1 ? string.Empty : "es")} to confirm (the first: {recipe.Confirm[0]})",
                path, hint: "Check each against how the model was trained, fix the recipe where it is wrong, then delete the \"confirm\" list.");
        }

        return recipe;
    }

    public static RecipeRetrain Bind(
        TrainingRecipe recipe, string path, string label, DataTable reference, DataTable current, MetricTask task, string[]? classes, string? positiveClass, string modelPath, int seed)
    {
        if (label != recipe.Label)
        {
            throw new InputException(
                $"$.label: the recipe's label is '{recipe.Label}', and adapt was given '{label}'", path,
                hint: "Make --label (or the policy's target.label) and the recipe's \"label\" name the same column.");
        }

        return new RecipeRetrain(RecipeBinding.Bind(recipe, path, reference, current, task, modelPath), current, classes, positiveClass, seed);
    }

    /// <returns>Where the recipe without the dropped columns was written, or null when nothing was dropped.</returns>
    public static string? WriteUpdated(BoundRecipe bound, string modelOutput)
    {
        if (bound.Dropped.Count == 0)
        {
            return null;
        }

        var path = RecipeFiles.UpdatedPath(modelOutput);
        var text = System.Text.Encoding.UTF8.GetBytes(RecipeWriter.Write(bound.Recipe));
        OutputFile.Write(path, "the updated recipe", stream => stream.Write(text));
        return path;
    }

    public static RetrainSection Section(BoundRecipe? bound, string window, string reusedTrainer, string? updatedRecipe, List<string> warnings)
    {
        if (bound is null)
        {
            return new RetrainSection(window, "reused", null, reusedTrainer, [], null);
        }

        if (bound.Dropped.Count > 0)
        {
            var columns = string.Join(", ", bound.Dropped.Select(c => $"'{c}'"));
            warnings.Add(updatedRecipe is null
                ? $"The current data no longer has the recipe's {columns}: the retrain from the recipe left {(bound.Dropped.Count == 1 ? "it" : "them")} out (pass --output to write the recipe it applied beside the model)."
                : $"The current data no longer has the recipe's {columns}: the retrain from the recipe left {(bound.Dropped.Count == 1 ? "it" : "them")} out and the recipe it applied is {updatedRecipe}.");
        }

        return new RetrainSection(window, "refitted", bound.Path, bound.Recipe.Trainer.Name, bound.Dropped, updatedRecipe);
    }
}
