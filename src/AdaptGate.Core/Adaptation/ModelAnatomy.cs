using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// A loaded model cut in three: the fitted featurizer before the predictor (kept as it is), the
/// predictor (the part adaptation replaces), and any fitted transforms after it (such as mapping a
/// predicted class key back to its value, kept too). A saved ML.NET model holds fitted transformers,
/// not the estimators that made them, so only the predictor can be trained again.
/// </summary>
internal sealed class ModelAnatomy
{
    private ModelAnatomy(
        ITransformer whole, DataViewSchema inputSchema, IReadOnlyList<ITransformer> prefix,
        ISingleFeaturePredictionTransformer<object> predictor, IReadOnlyList<ITransformer> suffix)
    {
        Whole = whole;
        InputSchema = inputSchema;
        Prefix = prefix;
        Predictor = predictor;
        Suffix = suffix;
    }

    /// <summary>The model as loaded.</summary>
    public ITransformer Whole { get; }

    /// <summary>The input schema saved with the model: an adapted model is saved with the same one.</summary>
    public DataViewSchema InputSchema { get; }

    public IReadOnlyList<ITransformer> Prefix { get; }

    public ISingleFeaturePredictionTransformer<object> Predictor { get; }

    public IReadOnlyList<ITransformer> Suffix { get; }

    /// <summary>The column the predictor reads (usually "Features").</summary>
    public string FeatureColumn => Predictor.FeatureColumnName;

    /// <exception cref="InputException">Not an ML.NET model, or one without a predictor (a transform-only model).</exception>
    public static ModelAnatomy Load(MLContext ml, string modelPath)
    {
        var whole = Metrics.ModelEvaluator.Load(ml, modelPath, out var inputSchema);
        var parts = new List<ITransformer>();
        Flatten(whole, parts);

        // The last predictor decides; anything after it post-processes its output.
        var at = parts.FindLastIndex(p => p is ISingleFeaturePredictionTransformer<object>);
        if (at < 0)
        {
            throw new InputException(
                $"the model has no trained predictor to adapt (its parts: {string.Join(", ", parts.Select(p => p.GetType().Name))})",
                modelPath, hint: "Pass a model whose pipeline ends in an ML.NET trainer (a transform-only model has nothing to train).");
        }

        return new ModelAnatomy(whole, inputSchema, parts[..at], (ISingleFeaturePredictionTransformer<object>)parts[at], parts[(at + 1)..]);
    }

    /// <summary>The same featurizer and post-processing around a new predictor.</summary>
    public ITransformer With(ITransformer predictor) =>
        new TransformerChain<ITransformer>([.. Prefix, predictor, .. Suffix]);

    /// <summary>Runs the data through the featurizer, so the trainer sees what the old predictor saw.</summary>
    public IDataView Featurize(IDataView data)
    {
        foreach (var transformer in Prefix)
        {
            data = transformer.Transform(data);
        }

        return data;
    }

    // Pipelines nest: Fit returns a chain, and Append on a fitted chain makes a chain of chains.
    private static void Flatten(ITransformer transformer, List<ITransformer> parts)
    {
        // Every TransformerChain<T> enumerates its parts; the type argument varies with how it was built.
        if (transformer is IEnumerable<ITransformer> chain)
        {
            foreach (var part in chain)
            {
                Flatten(part, parts);
            }
        }
        else
        {
            parts.Add(transformer);
        }
    }
}
