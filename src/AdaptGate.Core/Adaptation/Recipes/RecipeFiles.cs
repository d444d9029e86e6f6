namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>Where adapt writes the recipe it applied when that differs from the one given: beside the model it belongs to.</summary>
public static class RecipeFiles
{
    /// <summary>adapted.zip → adapted.recipe.json, in the same folder.</summary>
    public static string UpdatedPath(string modelOutput) => Path.ChangeExtension(modelOutput, ".recipe.json");
}
