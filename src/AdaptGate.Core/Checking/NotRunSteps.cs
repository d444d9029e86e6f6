using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>The steps a check left out because a side is a profile, each with why: reported in every format, never skipped silently.</summary>
internal sealed class NotRunSteps
{
    public const string Metrics = "metrics";
    public const string Decomposition = "decomposition";
    public const string DomainClassifier = "domainClassifier";
    public const string Trial = "trial";

    private readonly List<NotRunStep> _steps = [];

    public IReadOnlyList<NotRunStep> Steps => _steps;

    public bool Has(string step) => _steps.Any(s => s.Step == step);

    public void Add(string step, string reason) => _steps.Add(new NotRunStep(step, reason));

    /// <summary>The warnings the text, Markdown and HTML reports show for them.</summary>
    public IEnumerable<string> Warnings => _steps.Select(s => $"Not run ({s.Step}): {s.Reason}.");
}
