using AdaptGate.Core;

namespace AdaptGate.Core.Tests.Output;

/// <summary>Messages stay one readable line: long names shortened, the hint a sentence of its own (issue 19, class 10).</summary>
public sealed class MessageTextTests
{
    [Fact]
    public void A_hint_after_a_clause_without_a_full_stop_starts_a_new_sentence()
    {
        var e = new InputException("a tree ensemble has no weights to continue from", "model.zip", hint: "Use --action retrain.");

        Assert.Equal("model.zip: a tree ensemble has no weights to continue from. Use --action retrain.", e.Describe());
    }

    [Fact]
    public void A_hint_after_a_full_sentence_is_not_given_a_second_full_stop()
    {
        var e = new InputException("The file is empty.", hint: "Write it first.");

        Assert.Equal("The file is empty. Write it first.", e.Describe());
    }

    [Theory]
    [InlineData(200, false)]
    [InlineData(201, true)]
    public void Names_longer_than_200_characters_show_their_start_and_length(int length, bool shortened)
    {
        var name = new string('x', length);

        var shown = MessageText.Name(name);

        Assert.Equal(shortened ? new string('x', 80) + $"…({length} chars)" : name, shown);
    }

    [Fact]
    public void Every_part_of_a_message_is_shortened()
    {
        var column = new string('c', 5_000_000);
        var file = "/data/" + new string('f', 300) + ".csv";
        var e = new InputException($"The label column '{column}' is not in this file.", file, 1, column, hint: $"The file has: '{column}'.");

        var text = e.Describe();

        Assert.True(text.Length < 1_000, text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("/data/ffff", text, StringComparison.Ordinal);
        Assert.Contains("…(310 chars):1: column 'ccc", text, StringComparison.Ordinal);
        Assert.Contains("…(5,000,000 chars)", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("…(5,000,000 chars)").Length - 1);
    }
}
