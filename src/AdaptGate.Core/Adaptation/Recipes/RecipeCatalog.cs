using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>How an option's value is written: a whole number, a number, true/false, or one of a few words.</summary>
internal enum RecipeOptionType
{
    Integer,
    Number,
    Boolean,
    Choice,
}

/// <summary>One option a step or trainer takes: its JSON name, its type, its range or its words.</summary>
internal sealed record RecipeOption(string Name, RecipeOptionType Type, string Description, double Minimum = double.MinValue, double Maximum = double.MaxValue, IReadOnlyList<string>? Choices = null);

/// <summary>A featurizing step: its name, the kind of column it reads, and its options.</summary>
internal sealed record RecipeStepKind(string Name, string Reads, IReadOnlyList<RecipeOption> Options, string Description);

/// <summary>A trainer: its name as ML.NET's catalog calls it, the task it fits, and its options.</summary>
internal sealed record RecipeTrainerKind(string Name, MetricTask Task, IReadOnlyList<RecipeOption> Options);

/// <summary>
/// Everything a recipe may say, in one place: the reader checks a file against it, the pipeline builds from it,
/// and docs/recipe.schema.json is tested against it (RecipeSchemaTests), so the three cannot drift apart.
/// </summary>
internal static class RecipeCatalog
{
    public const string ReplaceMissing = "replaceMissing";
    public const string OneHot = "oneHot";
    public const string Hash = "hash";
    public const string Normalize = "normalize";
    public const string Text = "text";
    public const string Concatenate = "concatenate";

    /// <summary>Column kinds: numbers (and true/false read as 0/1) go in as Single, categories and text as strings.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["numeric", "boolean", "categorical", "text"];

    public static readonly IReadOnlyList<string> Roles = ["feature", "ignore"];

    private static readonly string[] VectorKinds = ["indicator", "bag", "binary"];

    public static readonly IReadOnlyList<RecipeStepKind> Steps =
    [
        new(ReplaceMissing, "numeric", [new("mode", RecipeOptionType.Choice, "The value a missing number becomes: the column's mean (default), minimum, maximum, or 0 (default).", Choices: ["mean", "minimum", "maximum", "default"])],
            "Replaces missing numbers (ML.NET ReplaceMissingValues)."),
        new(OneHot, "categorical", [
                new("outputKind", RecipeOptionType.Choice, "indicator (default: one slot per category), bag, or binary.", Choices: VectorKinds),
                new("maxCategories", RecipeOptionType.Integer, "The most categories kept (the most frequent first); default 1000000.", 1, int.MaxValue)],
            "One slot per category seen when fitted (ML.NET OneHotEncoding): a retrain learns the categories of its window."),
        new(Hash, "categorical", [
                new("bits", RecipeOptionType.Integer, "Hash bits: 2^bits slots; default 16.", 1, 30),
                new("outputKind", RecipeOptionType.Choice, "indicator (default), bag, or binary.", Choices: VectorKinds)],
            "Categories hashed into a fixed number of slots (ML.NET OneHotHashEncoding): unseen categories get slots too."),
        new(Normalize, "numeric", [
                new("kind", RecipeOptionType.Choice, "meanVariance (default), minMax, or bin.", Choices: ["meanVariance", "minMax", "bin"]),
                new("fixZero", RecipeOptionType.Boolean, "Keep 0 at 0 (sparse data stays sparse); default true."),
                new("bins", RecipeOptionType.Integer, "Bins of a bin normaliser; default 1024.", 2, int.MaxValue)],
            "Rescales numbers with statistics of the rows it is fitted on (ML.NET Normalize*)."),
        new(Text, "text", [], "Free text to n-gram features with ML.NET's defaults (FeaturizeText)."),
        new(Concatenate, "any", [], "Joins columns into one vector, written to \"output\" (ML.NET Concatenate)."),
    ];

    private static readonly RecipeOption L1 = new("l1Regularization", RecipeOptionType.Number, "L1 regularisation weight.", 0);
    private static readonly RecipeOption L2 = new("l2Regularization", RecipeOptionType.Number, "L2 regularisation weight.", 0);
    private static readonly RecipeOption Iterations = new("maximumIterations", RecipeOptionType.Integer, "Most iterations (passes for SDCA).", 1, int.MaxValue);
    private static readonly RecipeOption Tolerance = new("optimizationTolerance", RecipeOptionType.Number, "Convergence tolerance.", 0);
    private static readonly RecipeOption Epochs = new("numberOfIterations", RecipeOptionType.Integer, "Passes over the data.", 1, int.MaxValue);
    private static readonly RecipeOption LearningRate = new("learningRate", RecipeOptionType.Number, "Learning rate.", 0);
    private static readonly RecipeOption[] Trees =
    [
        new("numberOfTrees", RecipeOptionType.Integer, "Trees in the ensemble.", 1, int.MaxValue),
        new("numberOfLeaves", RecipeOptionType.Integer, "Most leaves per tree.", 2, int.MaxValue),
        new("minimumExampleCountPerLeaf", RecipeOptionType.Integer, "Fewest rows in a leaf.", 1, int.MaxValue),
        LearningRate,
    ];

    public static readonly IReadOnlyList<RecipeTrainerKind> Trainers =
    [
        new("LbfgsLogisticRegression", MetricTask.Binary, [L1, L2, Iterations, Tolerance]),
        new("SdcaLogisticRegression", MetricTask.Binary, [L1, L2, Iterations]),
        new("AveragedPerceptron", MetricTask.Binary, [Epochs, LearningRate]),
        new("FastTreeBinary", MetricTask.Binary, Trees),
        new("LbfgsMaximumEntropy", MetricTask.Multiclass, [L1, L2, Iterations, Tolerance]),
        new("SdcaMaximumEntropy", MetricTask.Multiclass, [L1, L2, Iterations]),
        new("Sdca", MetricTask.Regression, [L1, L2, Iterations]),
        new("LbfgsPoissonRegression", MetricTask.Regression, [L1, L2, Iterations, Tolerance]),
        new("OnlineGradientDescent", MetricTask.Regression, [Epochs, LearningRate]),
        new("FastTreeRegression", MetricTask.Regression, Trees),
    ];

    public static RecipeStepKind? Step(string name) => Steps.FirstOrDefault(s => s.Name == name);

    public static RecipeTrainerKind? Trainer(string name) => Trainers.FirstOrDefault(t => t.Name == name);

    public static string TaskName(MetricTask task) => task.ToString().ToLowerInvariant();
}
