namespace AdaptGate.Core.Policy.Json;

/// <summary>The text of a hand-edited JSON file (the policy, a training recipe), or bad input naming the file.</summary>
internal static class JsonFileText
{
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, as messages name it ("policy", "recipe").</param>
    /// <param name="missingHint">What to do when the file does not exist.</param>
    /// <exception cref="InputException">The file is missing or unreadable.</exception>
    public static string Read(string path, string what, string missingHint)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"The {what} file does not exist.", path, hint: missingHint);
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the {what} file: {e.Message}", path, hint: "Check that the file is readable.", inner: e);
        }
    }
}
