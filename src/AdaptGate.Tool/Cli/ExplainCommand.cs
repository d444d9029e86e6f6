using System.CommandLine;
using AdaptGate.Core.Policy;
using AdaptGate.Tool.Output;

namespace AdaptGate.Tool.Cli;

/// <summary><c>adaptgate explain</c>: print the rules a policy makes, in the order they are evaluated.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter stdout, IEnvironment environment)
    {
        var policy = PolicySource.CreateOption();
        var command = new Command("explain", "Print the rules a policy makes, in the order they are evaluated, with their thresholds, and how drift is measured.\n\nExample:\n  adaptgate explain --policy adaptgate.json")
        {
            policy,
        };

        command.SetAction(parse =>
        {
            var (loaded, path) = PolicySource.Load(parse.GetValue(policy));
            stdout.Write(PolicyText.Render(
                path ?? "built-in defaults (no policy file)",
                PolicyExplainer.Explain(loaded),
                PolicyExplainer.ExplainSettings(loaded),
                Terminal.UsesColor(stdout, environment)));
            return ExitCodes.Success;
        });
        return command;
    }
}
