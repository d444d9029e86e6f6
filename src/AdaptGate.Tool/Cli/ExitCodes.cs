namespace AdaptGate.Tool.Cli;

/// <summary>The exit codes pipelines branch on (docs/cli.md, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>The check ran and the verdict is below --fail-on.</summary>
    public const int Success = 0;

    /// <summary>The verdict reached --fail-on.</summary>
    public const int VerdictReachedFailOn = 1;

    /// <summary>adapt: the asked-for training did not finish within --budget-seconds, so no model was written.</summary>
    public const int AdaptationNotCompleted = 1;

    /// <summary>Bad usage or bad input: one message says which file, where, and what to do.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in AdaptGate itself (never bad input).</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it); no report was written.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (128 + SIGTERM, as shells report it); no report was written.</summary>
    public const int Terminated = 143;
}
