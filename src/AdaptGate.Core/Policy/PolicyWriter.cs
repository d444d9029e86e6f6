using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptGate.Core.Policy.Json;

namespace AdaptGate.Core.Policy;

/// <summary>
/// Writes a policy as adaptgate.json: every key spelled out (defaults included, nulls as null), in
/// the model's declaration order, indented by two spaces, ending in a newline, so the file documents
/// itself and diffs cleanly. <see cref="PolicyLoader.Parse"/> reads it back to an equal policy.
/// </summary>
public static class PolicyWriter
{
    /// <summary>
    /// Where the written file points editors for completion and checking: a path relative to the
    /// policy file (editors such as VS Code resolve it offline), where `adaptgate init` puts the
    /// schema of the installed version. The schema's <c>$id</c> (<see cref="PolicySchema.Id"/>) is an identifier, not a download.
    /// </summary>
    public const string SchemaReference = "./" + PolicySchema.RelativePath;

    public static string Write(GatePolicy policy)
    {
        var body = JsonSerializer.SerializeToNode(policy, PolicyJsonContext.Default.GatePolicy)!.AsObject();
        var file = new JsonObject { [PolicyErrors.SchemaKey] = SchemaReference };
        foreach (var (key, value) in body.ToArray())
        {
            body.Remove(key);
            file[key] = value;
        }

        return file.ToJsonString(PolicyJsonContext.Default.Options) + "\n";
    }
}
