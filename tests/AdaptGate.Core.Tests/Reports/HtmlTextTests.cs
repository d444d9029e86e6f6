using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Reports;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("it's", "it&#39;s")]
    [InlineData("a\nb\u001b[31m", "a\\nb\\x1b[31m")]
    [InlineData("evil\u202Etxt.exe", "evil\\u202etxt.exe")]
    [InlineData("café – 10%", "café – 10%")]
    public void Data_text_is_inert_as_element_text_and_attribute(string text, string expected) =>
        Assert.Equal(expected, HtmlText.Escape(text));

    [Fact]
    public void Plain_text_is_returned_as_it_is()
    {
        const string Plain = "car_value";
        Assert.Same(Plain, HtmlText.Escape(Plain));
    }
}
