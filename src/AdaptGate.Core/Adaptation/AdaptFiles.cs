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
        CheckFiles.Add(inputs, "the recipe (--recipe)", request.RecipePath);

        var outputs = new List<FileRole>();
        CheckFiles.Add(outputs, "the adapted model (--output)", request.OutputPath);
        if (request.RecipePath is not null && request.OutputPath is { } output)
        {
            outputs.Add(new FileRole("the updated recipe (beside --output)", Recipes.RecipeFiles.UpdatedPath(output)));
        }
        outputs.AddRange(request.Outputs);
        if (request.RecordHistory)
        {
            outputs.Add(history);
        }

        OutputGuard.Refuse(outputs, inputs);
    }
}
