using System.Text;
using AdaptGate.Core;

namespace AdaptGate.Tool.Output;

/// <summary>
/// The process's standard output, where a failed write (a full disk behind `> file`, a closed pipe) is bad input the
/// user can fix, so it ends with exit code 2 and one line instead of an internal error and a stack trace.
/// </summary>
internal sealed class StandardOutputWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    /// <summary>The console's own writer, for telling a terminal from a redirect.</summary>
    public TextWriter Inner => inner;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    public override void Write(string? value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        try
        {
            inner.Write(buffer, index, count);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    public override void WriteLine(string? value)
    {
        try
        {
            inner.WriteLine(value);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    private static InputException Failed(IOException e) =>
        new($"Cannot write to standard output: {e.Message}.", hint: "Free space where standard output goes, or write the report to a file with --output FILE.", inner: e);
}
