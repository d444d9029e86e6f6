using AdaptGate.Core.History;
using AdaptGate.Core.Tests.Data;

namespace AdaptGate.Core.Tests.History;

public sealed class FileHashTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Sha256_is_lowercase_hex_of_the_bytes()
    {
        // The FIPS 180-2 test vector for "abc".
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FileHash.Sha256(_dir.Write("abc.txt", "abc")));
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var path = Path.Combine(_dir.Path, "missing.csv");

        var error = Assert.Throws<InputException>(() => FileHash.Sha256(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
