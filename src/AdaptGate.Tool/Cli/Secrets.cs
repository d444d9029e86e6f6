using AdaptGate.GitHub;
using AdaptGate.Tool.Ci;

namespace AdaptGate.Tool.Cli;

/// <summary>
/// The last guard before text reaches a log: whatever a message holds (an exception from deep in
/// the network stack, an argument typed by mistake), the tokens the tool can read are masked.
/// </summary>
internal static class Secrets
{
    public static string Scrub(string text, IEnvironment environment) =>
        Redaction.Scrub(text, GitHubCommentContext.TokenVariables.Concat(SqlLogin.SecretVariables).Select(environment.Get).Select(t => t?.Trim()));
}
