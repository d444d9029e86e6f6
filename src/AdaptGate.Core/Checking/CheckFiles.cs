using AdaptGate.Core.Output;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Checking;

/// <summary>What a check reads and what it writes, by role, so that no output replaces an input (<see cref="OutputGuard"/>).</summary>
internal static class CheckFiles
{
    public static void RefuseOutputOverInput(CheckRequest request, GatePolicy policy)
    {
        // The history is read and then appended to: an input for the reports, an output for the data.
        var history = new FileRole("the history file (--history)", request.HistoryPath ?? policy.History.Path);
        var inputs = new List<FileRole>
        {
            new("the reference data (--reference)", request.ReferencePath),
            new("the current data (--current)", request.CurrentPath),
            history,
        };
        Add(inputs, "the policy (--policy)", request.PolicyPath);
        Add(inputs, "the model (--model)", request.ModelPath);
        Add(inputs, "the training recipe (--recipe)", request.RecipePath);
        Add(inputs, "the metrics file (--metrics)", request.MetricsPath);
        Add(inputs, "the baseline metrics file (--baseline-metrics)", request.BaselineMetricsPath);
        foreach (var database in new[] { request.ReferencePath, request.CurrentPath }.SelectMany(Sql.SqlProfileSource.Files))
        {
            Add(inputs, "a DuckDB database of --reference or --current", database);
        }

        OutputGuard.Refuse(request.RecordHistory ? [.. request.Outputs, history] : request.Outputs, inputs);
    }

    public static void Add(List<FileRole> roles, string role, string? path)
    {
        if (path is not null)
        {
            roles.Add(new FileRole(role, path));
        }
    }
}
