using AdaptGate.Core.Checking;
using AdaptGate.Core.Output;
using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Adaptation;

/// <summary>What adapt reads and what it writes, by role, so that no output replaces an input (<see cref="OutputGuard"/>).</summary>
internal static class AdaptFiles
{
    public static void RefuseOutputOverInput(AdaptRequest request, GatePolicy policy)
    {
        var history = new FileRole("the history file (--history)", request.HistoryPath ?? policy.History.Path);
        var inputs = new List<FileRole>
        {
            new("the model (--model)", request.ModelPath),
            new("the reference data (--reference)", request.ReferencePath),
            new("the current data (--current)", request.CurrentPath),
            history,
        };
        CheckFiles.Add(inputs, "the validation data (--validation)", request.ValidationPath);
        CheckFiles.Add(inputs, "the policy (--policy)", request.PolicyPath);

        var outputs = new List<FileRole>();
        CheckFiles.Add(outputs, "the adapted model (--output)", request.OutputPath);
        outputs.AddRange(request.Outputs);
        if (request.RecordHistory)
        {
            outputs.Add(history);
        }

        OutputGuard.Refuse(outputs, inputs);
    }
}
