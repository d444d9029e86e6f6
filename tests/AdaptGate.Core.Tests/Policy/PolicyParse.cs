using AdaptGate.Core.Policy;

namespace AdaptGate.Core.Tests.Policy;

/// <summary>Parses policy text as the loader does, with a file name the messages can show.</summary>
internal static class PolicyParse
{
    public const string File = "adaptgate.json";

    public static GatePolicy Of(string json) => PolicyLoader.Parse(json, File);

    /// <summary>The error a bad policy raises, with its one-line description.</summary>
    public static (InputException Error, string Text) Error(string json)
    {
        var error = Assert.Throws<InputException>(() => PolicyLoader.Parse(json, File));
        return (error, error.Describe());
    }
}
