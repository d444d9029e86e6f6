using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Reports;

public sealed class InertTextTests
{
    [Theory]
    [InlineData("plain name", "plain name")]
    [InlineData("a\n::error::x", @"a\n\x3a:error\x3a:x")]
    [InlineData("b\r##vso[task.setvariable variable=a]b", @"b\r\x23#vso[task.setvariable variable=a]b")]
    [InlineData("c\u001b]8;;http://e\u0007", @"c\x1b]8;;http://e\x07")]
    [InlineData("d\u2028::add-mask::s", @"d\u2028\x3a:add-mask\x3a:s")]
    [InlineData("tab\there\u0000\u007f\u0085", @"tab\there\x00\x7f\u0085")]
    [InlineData("bidi \u202Eevil\u2066", @"bidi \u202eevil\u2066")]
    [InlineData(":::", @"\x3a\x3a:")]
    [InlineData("C# and one: colon", "C# and one: colon")]
    public void Escapes_what_could_start_a_command_or_drive_a_terminal(string text, string expected)
    {
        Assert.Equal(expected, InertText.Escape(text));
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_and_a_pair_kept()
    {
        // Not inline data: the test runner replaces a lone surrogate in a test's name and arguments.
        Assert.Equal(@"lone \ud800 \udc00 surrogates, pair 😀", InertText.Escape("lone \uD800 \uDC00 surrogates, pair 😀"));
    }

    [Theory]
    [InlineData("a\n::error::x")]
    [InlineData("##vso[x]\r\n::::")]
    public void Escaping_twice_changes_nothing_more(string text)
    {
        var once = InertText.Escape(text);

        Assert.Equal(once, InertText.Escape(once));
        Assert.DoesNotContain("::", once, StringComparison.Ordinal);
        Assert.DoesNotContain("##", once, StringComparison.Ordinal);
        Assert.DoesNotContain(once, c => char.IsControl(c));
    }
}
