using System.Globalization;
using System.Text;

namespace Connect.Lint.Rules.Model.Json;

/// <summary>A JSON syntax error with the offset it was found at; messages follow Python's json module.</summary>
public sealed class JsonSyntaxException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>
/// A JSON parser that keeps positions and accepts what Python's <c>json.loads</c> accepts (NaN and Infinity
/// included), so that the linter agrees with rsconnect and Connect about what a valid manifest is.
/// </summary>
public sealed class JsonParser
{
    public const int MaxDepth = 512;

    private readonly string _text;
    private readonly string? _skippedMember;
    private int _position;
    private int _depth;
    private bool _discarding;

    private JsonParser(string text, string? skippedMember)
    {
        _text = text;
        _skippedMember = skippedMember;
    }

    /// <param name="skippedMember">A member of the root object whose value is checked but not kept (it parses as an
    /// empty object or array with its span): write-manifest rebuilds a manifest's <c>files</c> and need not hold
    /// thousands of entries.</param>
    public static JsonNode Parse(string text, string? skippedMember = null)
    {
        var parser = new JsonParser(text, skippedMember);
        parser.SkipWhitespace();
        var value = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._position < text.Length)
        {
            throw new JsonSyntaxException("Extra data", parser._position);
        }

        return value;
    }

    private JsonNode ParseValue()
    {
        if (_position >= _text.Length)
        {
            throw new JsonSyntaxException("Expecting value", _position);
        }

        var c = _text[_position];
        return c switch
        {
            '{' => ParseObject(),
            '[' => ParseArray(),
            '"' => ParseString(),
            't' => ParseLiteral("true", start => new JsonBoolean(start, start + 4, true)),
            'f' => ParseLiteral("false", start => new JsonBoolean(start, start + 5, false)),
            'n' => ParseLiteral("null", start => new JsonNull(start, start + 4)),
            'N' => ParseLiteral("NaN", start => new JsonNumber(start, start + 3, "NaN")),
            'I' => ParseLiteral("Infinity", start => new JsonNumber(start, start + 8, "Infinity")),
            _ when c == '-' || char.IsAsciiDigit(c) => ParseNumber(),
            _ => throw new JsonSyntaxException("Expecting value", _position),
        };
    }

    private JsonNode ParseLiteral(string literal, Func<int, JsonNode> create)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsonSyntaxException("Expecting value", _position);
        }

        var node = create(_position);
        _position += literal.Length;
        return node;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new JsonSyntaxException($"nesting deeper than {MaxDepth} levels", _position);
        }
    }

    private JsonObject ParseObject()
    {
        Enter();
        var start = _position++;
        var properties = new List<JsonProperty>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            _depth--;
            return new JsonObject(start, _position, properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw new JsonSyntaxException("Expecting property name enclosed in double quotes", _position);
            }

            var name = ParseString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw new JsonSyntaxException("Expecting ':' delimiter", _position);
            }

            _position++;
            SkipWhitespace();
            var discardingBefore = _discarding;
            _discarding |= _depth == 1 && name.Value == _skippedMember;
            var value = ParseValue();
            _discarding = discardingBefore;
            if (!_discarding)
            {
                properties.Add(new JsonProperty(name.Value, name.Start, name.End, value));
            }

            SkipWhitespace();
            var next = Peek();
            if (next == '}')
            {
                _position++;
                _depth--;
                return new JsonObject(start, _position, properties);
            }

            if (next != ',')
            {
                throw new JsonSyntaxException("Expecting ',' delimiter", _position);
            }

            _position++;
        }
    }

    private JsonArray ParseArray()
    {
        Enter();
        var start = _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            _depth--;
            return new JsonArray(start, _position, items);
        }

        while (true)
        {
            SkipWhitespace();
            var item = ParseValue();
            if (!_discarding)
            {
                items.Add(item);
            }

            SkipWhitespace();
            var next = Peek();
            if (next == ']')
            {
                _position++;
                _depth--;
                return new JsonArray(start, _position, items);
            }

            if (next != ',')
            {
                throw new JsonSyntaxException("Expecting ',' delimiter", _position);
            }

            _position++;
        }
    }

    private JsonString ParseString()
    {
        var start = _position++;
        StringBuilder? builder = null;
        var chunkStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException("Unterminated string starting at", start);
            }

            var c = _text[_position];
            if (c == '"')
            {
                string value;
                if (builder is null)
                {
                    value = _text.Substring(chunkStart, _position - chunkStart);
                }
                else
                {
                    builder.Append(_text, chunkStart, _position - chunkStart);
                    value = builder.ToString();
                }

                _position++;
                return new JsonString(start, _position, value);
            }

            if (c < 0x20)
            {
                throw new JsonSyntaxException("Invalid control character at", _position);
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, chunkStart, _position - chunkStart);
            var escapeAt = _position;
            _position++;
            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException("Unterminated string starting at", start);
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length ||
                        !ushort.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonSyntaxException("Invalid \\uXXXX escape", escapeAt);
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonSyntaxException("Invalid \\escape", escapeAt);
            }

            chunkStart = _position;
        }
    }

    private JsonNumber ParseNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
            if (string.CompareOrdinal(_text, _position, "Infinity", 0, 8) == 0)
            {
                _position += 8;
                return new JsonNumber(start, _position, "-Infinity");
            }
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (char.IsAsciiDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw new JsonSyntaxException("Expecting value", start);
        }

        if (Peek() == '.' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1]))
        {
            _position++;
            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            var save = _position;
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (char.IsAsciiDigit(Peek()))
            {
                SkipDigits();
            }
            else
            {
                _position = save;
            }
        }

        return new JsonNumber(start, _position, _text[start.._position]);
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek()))
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }
}
