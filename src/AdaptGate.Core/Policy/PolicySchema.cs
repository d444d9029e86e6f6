namespace AdaptGate.Core.Policy;

/// <summary>
/// The JSON Schema of adaptgate.json (docs/adaptgate.schema.json, embedded in this assembly), so the
/// tool can hand editors the schema of exactly the version that reads the file, without internet.
/// </summary>
public static class PolicySchema
{
    /// <summary>The schema's <c>$id</c>: a stable identifier, not a URL anything is served from.</summary>
    public const string Id = "https://adaptgate.dev/schema/adaptgate.schema.json";

    /// <summary>Where `adaptgate init` writes the schema, relative to the folder of the policy file.</summary>
    public const string RelativePath = ".adaptgate/adaptgate.schema.json";

    private const string ResourceName = "AdaptGate.Core.Policy.adaptgate.schema.json";

    /// <summary>The schema's text, as docs/adaptgate.schema.json has it.</summary>
    public static string Json { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(PolicySchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
