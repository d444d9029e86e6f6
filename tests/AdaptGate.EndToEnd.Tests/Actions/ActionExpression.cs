namespace AdaptGate.EndToEnd.Tests.Actions;

/// <summary>
/// The part of GitHub Actions' expression language the composite action uses: context paths (inputs.x,
/// steps.id.outputs.y, github.event.pull_request.number), string literals, ==, !=, &amp;&amp;, || and parentheses.
/// Values are strings; a missing one is ''; comparisons ignore case, as GitHub's do; a boolean is 'true' or 'false'.
/// </summary>
internal sealed class ActionExpression
{
    private readonly List<string> _tokens;
    private readonly Func<string, string> _context;
    private int _next;

    private ActionExpression(string text, Func<string, string> context)
    {
        _tokens = Tokenize(text);
        _context = context;
    }

    public static string Evaluate(string expression, Func<string, string> context)
    {
        var parser = new ActionExpression(expression, context);
        var value = parser.Or();
        if (parser._next != parser._tokens.Count)
        {
            throw new FormatException($"unexpected '{parser._tokens[parser._next]}' in: {expression}");
        }

        return value;
    }

    /// <summary>Replaces each ${{ ... }} in <paramref name="text"/> by its value.</summary>
    public static string Substitute(string text, Func<string, string> context)
    {
        var result = new System.Text.StringBuilder();
        var at = 0;
        while (text.IndexOf("${{", at, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = text.IndexOf("}}", start, StringComparison.Ordinal);
            result.Append(text, at, start - at).Append(Evaluate(text[(start + 3)..end], context));
            at = end + 2;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>An if: with or without ${{ }}, true unless it evaluates to a falsy value.</summary>
    public static bool Condition(string? condition, Func<string, string> context)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return true;
        }

        var text = condition.Trim();
        if (text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
        {
            text = text[3..^2];
        }

        return Truthy(Evaluate(text, context));
    }

    private static bool Truthy(string value) => value is not ("" or "false" or "0");

    private string Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var right = And();
            left = Truthy(left) ? left : right;
        }

        return left;
    }

    private string And()
    {
        var left = Comparison();
        while (Accept("&&"))
        {
            var right = Comparison();
            left = Truthy(left) ? right : left;
        }

        return left;
    }

    private string Comparison()
    {
        var left = Primary();
        if (Accept("=="))
        {
            return Bool(string.Equals(left, Primary(), StringComparison.OrdinalIgnoreCase));
        }

        if (Accept("!="))
        {
            return Bool(!string.Equals(left, Primary(), StringComparison.OrdinalIgnoreCase));
        }

        return left;
    }

    private string Primary()
    {
        var token = _tokens[_next++];
        if (token == "(")
        {
            var value = Or();
            Expect(")");
            return value;
        }

        if (token.StartsWith('\''))
        {
            return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        return token switch
        {
            "true" or "false" => token,
            _ => _context(token),
        };
    }

    private bool Accept(string token)
    {
        if (_next < _tokens.Count && _tokens[_next] == token)
        {
            _next++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new FormatException($"expected '{token}'");
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var end = i + 1;
                while (end < text.Length && !(text[end] == '\'' && (end + 1 == text.Length || text[end + 1] != '\'')))
                {
                    end += text[end] == '\'' ? 2 : 1;
                }

                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else if (i + 1 < text.Length && text.Substring(i, 2) is "==" or "!=" or "&&" or "||")
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var end = i;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '.' or '-' or '_'))
                {
                    end++;
                }

                if (end == i)
                {
                    throw new FormatException($"unexpected '{c}' in: {text}");
                }

                tokens.Add(text[i..end]);
                i = end;
            }
        }

        return tokens;
    }
}
