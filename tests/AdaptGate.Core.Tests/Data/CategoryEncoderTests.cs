using AdaptGate.Core.Data.Loading;

namespace AdaptGate.Core.Tests.Data;

/// <summary>The span-keyed category table must behave exactly like a dictionary in first-appearance order.</summary>
public sealed class CategoryEncoderTests
{
    [Fact]
    public void CodesFollowFirstAppearanceAndRepeatsGetTheirCode()
    {
        var encoder = new CategoryEncoder();
        string[] cells = ["level_0_6", "b", "level_0_6", "", "b", "a", "level_0_6"];

        var codes = cells.Select(c => encoder.Encode(c.AsSpan())).ToArray();

        Assert.Equal([0, 1, 0, 2, 1, 3, 0], codes);
        Assert.Equal(["level_0_6", "b", "", "a"], encoder.Categories());
    }

    [Fact]
    public void ValuesThatArePrefixesOrPermutationsOfEachOtherStayApart()
    {
        var encoder = new CategoryEncoder();
        string[] values = ["a", "aa", "aaa", "aaaa", "aaaaa", "ab", "ba", "abcd", "abdc", "abcdabcd", "abcdabce", "é", "e\u0301"];

        var codes = values.Select(v => encoder.Encode(v)).ToArray();

        Assert.Equal(Enumerable.Range(0, values.Length), codes);
        Assert.Equal(values, encoder.Categories());
    }

    [Fact]
    public void ManyDistinctValuesSurviveTheTableGrowingAndMatchADictionary()
    {
        // 50,000 distinct values (the table doubles a dozen times), each seen three times in a shuffled order.
        var random = new Random(7);
        var distinct = Enumerable.Range(0, 50_000).Select(i => $"id-{i * 7919 % 100_003}-{(char)('a' + (i % 26))}").ToArray();
        var cells = distinct.Concat(distinct).Concat(distinct).OrderBy(_ => random.Next()).ToArray();
        var encoder = new CategoryEncoder();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var cell in cells)
        {
            if (!expected.TryGetValue(cell, out var code))
            {
                code = expected.Count;
                expected.Add(cell, code);
            }

            Assert.Equal(code, encoder.Encode(cell.AsSpan()));
        }

        Assert.Equal(expected.OrderBy(e => e.Value).Select(e => e.Key), encoder.Categories());
    }

    [Fact]
    public void TheHashReadsEveryCharacterOfEveryLength()
    {
        // Lengths 1..20 cover the 8-byte steps and each of the 2-, 4- and 6-byte tails: changing any one
        // character changes the hash (for these inputs), so no part of the span is skipped.
        for (var length = 1; length <= 20; length++)
        {
            var text = new string('x', length);
            var hash = CategoryEncoder.Hash(text);
            for (var at = 0; at < length; at++)
            {
                var changed = text.ToCharArray();
                changed[at] = 'y';
                Assert.NotEqual(hash, CategoryEncoder.Hash(changed));
            }
        }
    }
}
