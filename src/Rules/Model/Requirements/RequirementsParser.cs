using System.Text;
using System.Text.RegularExpressions;

namespace Connect.Lint.Rules.Model.Requirements;

/// <summary>
/// pip's requirements-file format, with positions: comments ("#" at the start or after white space), line
/// continuations ("\" at the end), option lines, -r/-c includes, -e, per-requirement --hash options,
/// PEP 508 requirements (extras, specifiers, markers, "name @ url") and bare paths or URLs.
/// </summary>
public static partial class RequirementsParser
{
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host", "--no-binary", "--only-binary",
        "--use-feature", "--progress-bar", "--config-settings", "--global-option",
    };

    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal)
    {
        "--no-index", "--pre", "--prefer-binary", "--require-hashes",
    };

    public static RequirementsFile Parse(string filePath, string text)
    {
        var entries = new List<RequirementsEntry>();
        var errors = new List<RequirementsError>();
        foreach (var (line, startColumn, content) in LogicalLines(text))
        {
            var trimmed = content.TrimEnd();
            var leading = trimmed.Length - trimmed.TrimStart().Length;
            trimmed = trimmed.TrimStart();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var column = startColumn + leading;
            var span = new LineSpan(line, column, column + trimmed.Length);
            try
            {
                entries.Add(ParseLine(filePath, span, trimmed));
            }
            catch (FormatException e)
            {
                errors.Add(new RequirementsError(filePath, span, e.Message));
            }
        }

        return new RequirementsFile(new SourceText(filePath, text), entries, errors);
    }

    /// <summary>
    /// pip's preprocessing, in its order: the text split where Python's <c>str.splitlines</c> splits it (also at a
    /// lone CR, form feed, vertical tab, U+2028…), lines ending in "\" joined to the next (a line that starts as a
    /// comment ends a join), then comments cut. Yields where each logical line starts (line and column as an editor
    /// counts them: '\n' ends a line). Linear in the text: joins are built in one buffer.
    /// </summary>
    private static IEnumerable<(int Line, int Column, string Content)> LogicalLines(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            // pip decodes with the BOM taken off; here it becomes a blank, so columns and edit offsets stay in step with the file.
            text = " " + text[1..];
        }

        var positions = new SourceText(string.Empty, text);
        var joined = new StringBuilder();
        var joinStart = -1;
        foreach (var (start, line) in PythonLines.Split(text))
        {
            var startsAsComment = CommentAtStart().IsMatch(line);
            if (line.EndsWith('\\') && !startsAsComment)
            {
                joinStart = joinStart < 0 ? start : joinStart;
                joined.Append(line.AsSpan().Trim('\\'));
                continue;
            }

            // pip puts a blank before a comment line that ends a join, so the comment is cut from the joined line.
            var ending = startsAsComment ? " " + line : line;
            var (first, content) = joinStart < 0 ? (start, ending) : (joinStart, joined.Append(ending).ToString());
            joined.Clear();
            joinStart = -1;
            var (lineNumber, column) = positions.PositionOf(first);
            yield return (lineNumber, column, StripComment(content));
        }

        if (joinStart >= 0)
        {
            var (lineNumber, column) = positions.PositionOf(joinStart);
            yield return (lineNumber, column, StripComment(joined.ToString()));
        }
    }

    private static string StripComment(string line)
    {
        var match = Comment().Match(line);
        return match.Success ? line[..match.Index] : line;
    }

    private static RequirementsEntry ParseLine(string filePath, LineSpan span, string line)
    {
        if (line.StartsWith('-'))
        {
            var (option, value, valueOffset) = SplitOption(line);
            LineSpan? valueSpan = value is null ? null : new LineSpan(span.Line, span.Column + valueOffset, span.Column + valueOffset + value.Length);
            switch (option)
            {
                case "-r" or "--requirement" or "-c" or "--constraint":
                    if (string.IsNullOrEmpty(value))
                    {
                        throw new FormatException($"{option} needs a file name");
                    }

                    if (value.Contains('\0', StringComparison.Ordinal))
                    {
                        throw new FormatException($"{option} names no file pip can open: a file name cannot hold a NUL character");
                    }

                    return new IncludeEntry(filePath, span, line, value, option is "-c" or "--constraint", valueSpan!);
                case "-e" or "--editable":
                    if (string.IsNullOrEmpty(value))
                    {
                        throw new FormatException($"{option} needs a path or VCS URL");
                    }

                    return ParseRequirement(filePath, span, line, value, valueOffset, editable: true);
                case var known when ValueOptions.Contains(known):
                    if (string.IsNullOrEmpty(value))
                    {
                        throw new FormatException($"{option} needs a value");
                    }

                    return new OptionEntry(filePath, span, line, option, value, valueSpan);
                case var flag when FlagOptions.Contains(flag):
                    return new OptionEntry(filePath, span, line, option, null, null);
                default:
                    throw new FormatException($"unknown option {option}");
            }
        }

        return ParseRequirement(filePath, span, line, line, 0, editable: false);
    }

    private static (string Option, string? Value, int ValueOffset) SplitOption(string line)
    {
        // optparse, which pip reads these lines with, takes a short option's value glued to it: -rbase.txt, -ihttps://…
        if (line.Length > 2 && line[1] is 'r' or 'c' or 'e' or 'i' or 'f' && line[2] is not (' ' or '\t' or '='))
        {
            return (line[..2], line[2..].Trim(), 2);
        }

        var match = OptionLine().Match(line);
        if (!match.Success)
        {
            return (line, null, line.Length);
        }

        var value = match.Groups["value"];
        return (match.Groups["option"].Value, value.Success && value.Length > 0 ? value.Value.Trim() : null, value.Index);
    }

    private static RequirementEntry ParseRequirement(string filePath, LineSpan span, string line, string requirement, int offset, bool editable)
    {
        // Per-requirement options: --hash=..., --config-settings=...
        var hashes = new List<string>();
        var optionAt = PerRequirementOption().Match(requirement);
        if (optionAt.Success)
        {
            foreach (Match hash in HashOption().Matches(requirement[optionAt.Index..]))
            {
                hashes.Add(hash.Groups["hash"].Value);
            }

            requirement = requirement[..optionAt.Index].TrimEnd();
        }

        if (LooksLikePathOrUrl(requirement))
        {
            var egg = EggFragment().Match(requirement);
            var name = egg.Success ? egg.Groups["name"].Value : null;
            return new RequirementEntry(filePath, span, line, name, null, [], string.Empty, null, requirement, editable, hashes);
        }

        var parts = Pep508.Split(requirement)
                    ?? throw new FormatException($"'{requirement}' is not a valid requirement (name[extras] specifier ; marker, or name @ url)");
        var nameSpan = new LineSpan(span.Line, span.Column + offset, span.Column + offset + parts.Name.Length);
        var extras = parts.Extras?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        var specifier = parts.Specifier.Trim().Trim('(', ')').Trim();
        if (specifier.Length > 0 && !SpecifierList().IsMatch(specifier))
        {
            throw new FormatException($"'{specifier}' is not a valid version specifier");
        }

        return new RequirementEntry(filePath, span, line, parts.Name, nameSpan, extras, specifier, parts.Markers, parts.Url, editable, hashes);
    }

    private static bool LooksLikePathOrUrl(string requirement) =>
        !DirectReference().IsMatch(requirement) && (requirement.StartsWith('.') || requirement.StartsWith('/') || requirement.StartsWith('~') ||
        UrlScheme().IsMatch(requirement) ||
        (requirement.Contains('/') && !requirement.Contains(" @ ", StringComparison.Ordinal) && !requirement.Contains(';')) ||
        PackageNames.IsArchive(requirement));

    /// <summary>PEP 508's "name[extras] @ url": a named requirement, whatever its URL ends with.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\]\s*)?@")]
    private static partial Regex DirectReference();

    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex Comment();

    /// <summary>pip's test for a line that is a comment from its start (such a line never continues a join).</summary>
    [GeneratedRegex(@"^\s*#")]
    private static partial Regex CommentAtStart();

    [GeneratedRegex(@"^(?<option>--?[A-Za-z][A-Za-z0-9-]*)(?:(?:=|\s+)(?<value>.*))?$")]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"\s--(hash|config-settings|global-option|install-option)\b")]
    private static partial Regex PerRequirementOption();

    [GeneratedRegex(@"--hash[=\s]+(?<hash>\S+)")]
    private static partial Regex HashOption();

    [GeneratedRegex(@"#egg=(?<name>[A-Za-z0-9._-]+)")]
    private static partial Regex EggFragment();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://|^file:")]
    private static partial Regex UrlScheme();


    [GeneratedRegex(@"^\s*(~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*(,\s*(~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*)*$")]
    private static partial Regex SpecifierList();
}
