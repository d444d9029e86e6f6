using System;

namespace AdaptGate.Build;

/// <summary>A report file that is missing, unreadable or not an AdaptGate report: logged as AG2003, never thrown out of a task.</summary>
internal sealed class ReportFormatException : Exception
{
    public ReportFormatException()
    {
    }

    public ReportFormatException(string message)
        : base(message)
    {
    }

    public ReportFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
