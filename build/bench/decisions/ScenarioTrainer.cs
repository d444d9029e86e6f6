namespace AdaptGate.Bench.Decisions;

/// <summary>The model families the benchmark trains on the reference (both ones adapt can fine-tune).</summary>
public enum ScenarioTrainer
{
    /// <summary>L-BFGS logistic regression: fine-tune is 10 iterations from the old weights.</summary>
    LogisticRegression,

    /// <summary>Averaged perceptron: fine-tune is one epoch from the old weights.</summary>
    AveragedPerceptron,
}
