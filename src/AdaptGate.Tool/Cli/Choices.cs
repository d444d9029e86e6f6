using System.CommandLine;
using AdaptGate.Core;

namespace AdaptGate.Tool.Cli;

/// <summary>
/// Options that take one of a few names (--drift-method, --format, --fail-on, ...). System.CommandLine's
/// AcceptOnlyFromAmong answers "Argument 'bogus' not recognized" without saying for which option; this names the
/// option and every value it takes, in the order the help lists them.
/// </summary>
internal static class Choices
{
    public static void AcceptOnly(this Option option, IReadOnlyList<string> names)
    {
        option.HelpName = string.Join('|', names);
        option.CompletionSources.Add([.. names]);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!names.Contains(token.Value, StringComparer.Ordinal))
                {
                    result.AddError($"{option.Name} does not take '{MessageText.Name(token.Value)}': use one of {string.Join(", ", names)}.");
                }
            }
        });
    }
}
