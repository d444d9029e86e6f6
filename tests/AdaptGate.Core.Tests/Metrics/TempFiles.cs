namespace AdaptGate.Core.Tests.Metrics;

/// <summary>A temporary folder removed when the test is done.</summary>
internal sealed class TempFiles : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("adaptgate-metrics-").FullName;

    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
