using Microsoft.ML.Trainers.FastTree;

namespace AdaptGate.Core.Adaptation;

/// <summary>The readable name of a tree ensemble's trainer ("FastTree", "FastForest", "LightGbm"), read off its parameters.</summary>
internal static class TreeFamily
{
    private static readonly string[] TaskWords = ["Binary", "Regression", "Multiclass", "Ranking", "Tweedie"];

    /// <returns>The family, or null when the parameters are not a tree ensemble (a calibrated one included).</returns>
    public static string? Of(object parameters)
    {
        var tree = parameters as TreeEnsembleModelParameters
            ?? parameters.GetType().GetProperties().Where(p => p.Name == "SubModel").Select(p => p.GetValue(parameters)).OfType<TreeEnsembleModelParameters>().FirstOrDefault();
        if (tree is null)
        {
            return null;
        }

        // FastTreeBinaryModelParameters → FastTree; LightGbmRegressionModelParameters → LightGbm.
        var name = tree.GetType().Name.Replace("ModelParameters", string.Empty, StringComparison.Ordinal);
        foreach (var word in TaskWords)
        {
            name = name.Replace(word, string.Empty, StringComparison.Ordinal);
        }

        return name.Length > 0 ? name : "A tree model";
    }
}
