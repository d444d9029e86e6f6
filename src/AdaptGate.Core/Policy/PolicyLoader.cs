using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptGate.Core.Policy.Json;

namespace AdaptGate.Core.Policy;

/// <summary>
/// Reads adaptgate.json strictly: a typo, a wrong type, an unknown value or a value out of range is
/// an <see cref="InputException"/> naming the file, the line and the JSON path, never a silent default.
/// Keys left out take their defaults; a top-level "$schema" key (for editors) is ignored.
/// </summary>
public static class PolicyLoader
{
    /// <summary>The file name `adaptgate init` writes and the commands look for in the working directory.</summary>
    public const string DefaultFileName = "adaptgate.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static GatePolicy Load(string path)
    {
        return Parse(JsonFileText.Read(path, "policy", "Check the path, or create the file with 'adaptgate init'."), path);
    }

    /// <param name="json">The file's text.</param>
    /// <param name="pathForMessages">The file name that error messages show.</param>
    public static GatePolicy Parse(string json, string pathForMessages)
    {
        var utf8 = Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF'));
        if (json.AsSpan().Trim().Trim('\uFEFF').IsEmpty)
        {
            throw PolicyErrors.Empty(pathForMessages);
        }

        JsonLineIndex index;
        try
        {
            index = JsonLineIndex.Build(utf8);
        }
        catch (JsonException e)
        {
            throw PolicyErrors.Syntax(pathForMessages, e);
        }

        var options = PolicyJsonContext.Default.Options;
        var defaults = JsonSerializer.SerializeToNode(new GatePolicy(), PolicyJsonContext.Default.GatePolicy)!;
        var errors = new PolicyErrors(pathForMessages, index, new JsonShape(options, typeof(GatePolicy)), defaults);
        if (index.FirstDuplicate is { } duplicate)
        {
            throw errors.Duplicate(duplicate);
        }

        if (JsonNode.Parse(utf8, documentOptions: DocumentOptions) is not JsonObject written)
        {
            throw errors.NotAnObject();
        }

        written.Remove(PolicyErrors.SchemaKey);
        var complete = JsonDefaults.Fill(written, defaults, typeof(GatePolicy), options);

        GatePolicy policy;
        try
        {
            policy = complete.Deserialize(PolicyJsonContext.Default.GatePolicy)!;
        }
        catch (JsonException e)
        {
            throw errors.FromSerializer(e);
        }

        return new PolicyValidator(errors).Validate(policy);
    }
}
