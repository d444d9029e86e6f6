using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Reports;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("@org/team", "@\u200Dorg/team")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("x`y\nz", "x\\`y\\\\nz")]
    [InlineData("line\r\nbreak\rs", "line\\\\r\\\\nbreak\\\\rs")]
    [InlineData("see https://evil.example and WWW.evil.example", "see https:\u200D//evil.example and WWW\u200D.evil.example")]
    [InlineData("\n::error::x", "\\\\n\\\\x3a:error\\\\x3a:x")]
    [InlineData("fixes #123 and # 4", "fixes #\u200D123 and # 4")]
    [InlineData("*bold* _it_ [link](u) ~s~ $x$ a\\b", "\\*bold\\* \\_it\\_ \\[link\\](u) \\~s\\~ \\$x\\$ a\\\\b")]
    [InlineData("R&D", "R&amp;D")]
    [InlineData("plain_name", "plain\\_name")]
    public void Escapes_text_for_markdown(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(text));
    }

    [Theory]
    [InlineData("<b>\"x\"</b> & @me #7", "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; @\u200Dme #\u200D7")]
    [InlineData("a|b*c_`d`", "a|b*c_`d`")]
    [InlineData("x\n::error::y http://e", "x\\n\\x3a:error\\x3a:y http:\u200D//e")]
    public void Escapes_text_inside_html_without_backslashes(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.EscapeHtml(text));
    }

    [Fact]
    public void Mermaid_labels_cannot_end_their_string_or_list()
    {
        Assert.Equal("say 'hi' (x) ('y')\\n", MermaidText.Label("say \"hi\" [x] {`y`}\n"));
    }
}
