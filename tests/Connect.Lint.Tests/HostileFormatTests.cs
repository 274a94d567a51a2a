using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Connect.Lint.Output;
using Connect.Lint.Reporting;
using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// Every output format stays valid for every input: one hostile corpus of file names, messages and notices (control
/// characters, U+FFFE/U+FFFF, lone surrogates, bidi overrides, markup and each format's own syntax) rendered by each
/// reporter as the tool prints it, then read back with a real parser of that format.
/// </summary>
public sealed partial class HostileFormatTests
{
    public static readonly string[] Corpus =
    [
        "ctl\u0001x", "esc\u001b[31mred", "nonchar\uFFFE\uFFFF", "lone\uD800high", "lone\uDC00low", "bidi\u202Eevil",
        "quote\"apos'", "<tag>&amp;]]>", "percent%0A%25", "colon::comma,=", "tab\tnl\ncr\r", "nul\0x", "emoji\U0001F600",
        "sep\u2028par\u2029", "del\u007fc1\u0085", "backslash\\u0041",
    ];

    public static TheoryData<string> Formats() => [.. ReportFormats.All];

    private static CheckResult HostileResult()
    {
        var descriptor = RuleCatalog.All.Single(r => r.Descriptor.Id == "CL5003").Descriptor;
        var project = Path.Combine(StartDirectory.Path, "project");
        var diagnostics = Corpus.Select((value, i) =>
            new Diagnostic(descriptor, new Location(Path.Combine(project, PathSafe(value) + ".html"), i + 1, 1, i + 1, 3), $"the message quotes {value}")).ToList();
        var deployment = new DeploymentSummary(project, null, Corpus.Select(c => "a notice about " + c).ToList());
        return ReportSanitizer.ForReport(new CheckResult([deployment], diagnostics, [], 1));
    }

    /// <summary>A file name can hold every code point of the corpus but NUL.</summary>
    private static string PathSafe(string value) => value.Replace('\0', '0');

    [Theory]
    [MemberData(nameof(Formats))]
    public void EachFormat_ParsesWithItsOwnParser_WhateverTheNamesAndMessagesHold(string format)
    {
        // What reaches the user: the reporter's text through the last safety pass of stdout and report files.
        var printed = OutputSafety.Text(ReportFormats.Render(format, HostileResult()));

        Assert.DoesNotMatch(RawControl(), printed);
        switch (format)
        {
            case "json" or "sarif" or "gitlab":
                using (JsonDocument.Parse(printed))
                {
                }

                break;
            case "json-lines":
                Assert.Equal(Corpus.Length, printed.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l)).Count());
                break;
            case "junit":
                var failures = XDocument.Parse(printed).Descendants("failure").ToList();
                Assert.Equal(Corpus.Length, failures.Count);
                break;
            case "github":
                Assert.All(printed.TrimEnd('\n').Split('\n'), l => Assert.Matches(@"^::warning file=[^,:]+,line=\d+,col=1,endLine=\d+,endColumn=3,title=CL5003 root-relative-url::the message quotes ", l));
                break;
            default:
                var problems = printed.Split('\n').Where(l => l.Contains(" CL5003 ", StringComparison.Ordinal)).ToList();
                Assert.Equal(Corpus.Length, problems.Count);
                Assert.All(problems, l => Assert.Matches(@"^project/.+\.html:\d+:1: warning CL5003 the message quotes ", l));
                break;
        }
    }

    /// <summary>C0 controls but tab and LF, DEL, C1 controls, bidi overrides and isolates, noncharacters, lone surrogates.</summary>
    [GeneratedRegex(@"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]")]
    private static partial Regex RawControl();
}
