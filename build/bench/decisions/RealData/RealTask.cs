namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>What the deployed model predicts, which fixes its trainer, its primary metric and the oracle's tolerance.</summary>
internal enum RealTask
{
    /// <summary>L-BFGS logistic regression; auc; the cheapest action within 0.01 auc of the best.</summary>
    Binary,

    /// <summary>L-BFGS Poisson regression (online gradient descent diverged on a one-epoch fine-tune); rmse; the cheapest action within 2% (relative) of the best rmse.</summary>
    Regression,

    /// <summary>L-BFGS maximum entropy; micro-accuracy; the cheapest action within 0.01 of the best.</summary>
    Multiclass,
}
