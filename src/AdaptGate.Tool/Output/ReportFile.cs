using System.Text;
using AdaptGate.Core.Output;

namespace AdaptGate.Tool.Output;

/// <summary>
/// Writes a report or a policy the user named: to standard output for <c>-</c> (and /dev/stdout, whose file a rename
/// or a second open would clobber), else through <see cref="OutputFile"/>, whole or not at all.
/// </summary>
internal static class ReportFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, string content, TextWriter stdout)
    {
        if (StandardOutput.Names(path))
        {
            stdout.Write(content);
            return;
        }

        OutputFile.Write(path, "the report", stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
            writer.Write(content);
        });
    }
}
