using System.Text;

namespace AdaptGate.Core.Tests.Data;

/// <summary>A fresh directory per test for the small files it writes; removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("adaptgate-data-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes UTF-8 text without a BOM, exactly as given (no newline translation).</summary>
    public string Write(string fileName, string content) => WriteBytes(fileName, new UTF8Encoding(false).GetBytes(content));

    public string WriteBytes(string fileName, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
