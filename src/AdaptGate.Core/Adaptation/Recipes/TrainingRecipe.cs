namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>
/// How a model is trained from raw columns (docs/recipe.md, docs/recipe.schema.json): the label, the input columns
/// and their kinds, the featurizing steps in order, and the trainer. A retrain fits all of it from scratch.
/// </summary>
/// <remarks><c>Confirm</c>: Guesses a person must confirm before the recipe is used (written by <c>init --recipe</c>); adapt refuses a recipe that still has some.</remarks>
public sealed record TrainingRecipe(string Label, IReadOnlyList<RecipeColumn> Columns, IReadOnlyList<RecipeStep> Steps, RecipeTrainer Trainer, IReadOnlyList<string> Confirm)
{
    /// <summary>The columns the model reads.</summary>
    public IEnumerable<RecipeColumn> Features => Columns.Where(c => c.Role == "feature");
}

/// <remarks><c>Kind</c>: numeric, boolean, categorical or text.</remarks>
/// <remarks><c>Role</c>: feature, or ignore (listed for the record, never read).</remarks>
public sealed record RecipeColumn(string Name, string Kind, string Role = "feature");

/// <summary>One featurizing step. Steps work in place on their columns, except concatenate, which writes <c>Output</c>.</summary>
public sealed record RecipeStep(string Step, IReadOnlyList<string> Columns, string? Output, IReadOnlyDictionary<string, object> Options);

/// <remarks><c>Name</c>: The trainer as ML.NET's catalog calls it (RecipeCatalog.Trainers).</remarks>
/// <remarks><c>Features</c>: The column the trainer reads, usually the concatenate step's output.</remarks>
/// <remarks><c>Seed</c>: The seed of the fit; null takes the policy's.</remarks>
public sealed record RecipeTrainer(string Name, string Features, IReadOnlyDictionary<string, object> Options, int? Seed);
