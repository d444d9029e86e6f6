using System.Runtime.InteropServices;

namespace AdaptGate.Tool.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (a CI system cancelling the job, `timeout`, `kill`) cancel the run's token instead of
/// killing the process, so the command stops at its next check of the token, writes no report, and exits with the
/// code a shell would have shown for the signal (<see cref="ExitCodes"/>). A second signal ends the process at once.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    private TerminationSignals()
    {
        _registrations = OperatingSystem.IsAndroid() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsBrowser()
            ? []
            : [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    public CancellationToken Token => _cancel.Token;

    public static TerminationSignals Listen() => new();

    /// <summary>130 after SIGINT, 143 after SIGTERM; the command's own code when no signal came.</summary>
    public int ExitCode(int code) => code != ExitCodes.Cancelled ? code
        : Volatile.Read(ref _signal) == (int)PosixSignal.SIGTERM ? ExitCodes.Terminated
        : ExitCodes.Cancelled;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) != 0)
        {
            // The second signal: the user insists, so the system's default (ending the process) goes ahead.
            return;
        }

        context.Cancel = true;
        _cancel.Cancel();
    }
}
