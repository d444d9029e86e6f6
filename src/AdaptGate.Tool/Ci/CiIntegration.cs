using AdaptGate.Tool.Cli;

namespace AdaptGate.Tool.Ci;

/// <summary>Tells whichever CI system runs the check about its outcome; does nothing elsewhere.</summary>
internal static class CiIntegration
{
    // Workflow and logging commands go to `commands`: the runner reads them from the step's log.
    public static void Publish(IEnvironment environment, CheckOutcome outcome, TextWriter commands)
    {
        if (GitHubActions.IsRunning(environment))
        {
            GitHubActions.Publish(environment, outcome, commands);
        }

        if (AzurePipelines.IsRunning(environment))
        {
            AzurePipelines.Publish(outcome, commands);
        }
    }
}
