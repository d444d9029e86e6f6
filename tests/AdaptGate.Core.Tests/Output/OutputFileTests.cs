using System.Text;
using AdaptGate.Core.Output;

namespace AdaptGate.Core.Tests.Output;

/// <summary>The one writer of outputs, on what it meets (issue 19, class 3).</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("adaptgate-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_failed_write_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(_dir, "report.json");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => OutputFile.Write(path, "the report", stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("the writer failed halfway");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_dangling_symbolic_link_is_written_at_its_target()
    {
        var target = Path.Combine(_dir, "reports", "new.json");
        var link = Path.Combine(_dir, "report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.CreateSymbolicLink(link, target);

        OutputFile.Write(link, "the report", stream => stream.Write(Encoding.UTF8.GetBytes("{}")));

        Assert.Equal("{}", File.ReadAllText(target));
        Assert.Equal(target, new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_link_in_a_folder_path_resolves_to_the_real_folder()
    {
        var real = Directory.CreateDirectory(Path.Combine(_dir, "real")).FullName;
        var linked = Path.Combine(_dir, "linked");
        Directory.CreateSymbolicLink(linked, real);

        Assert.Equal(Path.Combine(real, "a.csv"), ResolvedPath.Of(Path.Combine(linked, "a.csv")));
    }

    [Fact]
    public void A_link_loop_is_bad_input()
    {
        var a = Path.Combine(_dir, "a");
        var b = Path.Combine(_dir, "b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        var e = Assert.Throws<InputException>(() => ResolvedPath.Of(a));

        Assert.Contains("symbolic links", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_and_fifos_are_streams_and_files_are_regular()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var file = Path.Combine(_dir, "file");
        File.WriteAllText(file, string.Empty);

        Assert.Equal(FileKind.Stream, FileKinds.Of("/dev/null"));
        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(_dir, "none")));
        Assert.Equal(FileKind.Directory, FileKinds.Of(_dir));
    }
}
