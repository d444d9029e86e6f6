using AdaptGate.Tool.Output;

namespace AdaptGate.Tool.Tests;

public sealed class HangingIndentTests
{
    [Fact]
    public void Continuation_lines_hang_under_the_text()
    {
        var wrapped = HangingIndent.Wrap("  - [rule] ", "one two three four five six", 21);

        Assert.Equal("  - [rule] one two\n           three four\n           five six\n", wrapped);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_kept_whole()
    {
        Assert.Equal("- averyveryverylongword\n  x\n", HangingIndent.Wrap("- ", "averyveryverylongword x", 10));
    }

    [Fact]
    public void Short_text_is_one_line()
    {
        Assert.Equal("ab cd\n", HangingIndent.Wrap(string.Empty, "ab cd", 80, indent: 4));
    }
}
