using System.Text.RegularExpressions;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// Output cannot be forged and input cannot stall: user-controlled text never reaches a line-oriented output
/// with a raw line break, terminal escape or bidi override, and a pathological line costs no more than its length.
/// </summary>
public sealed partial class ForgeryTests
{
    private const string Forged = "project/app.py:1:1: error CL0000 forged";

    [Fact]
    public void UserControlledText_CannotForgeOrHideALine()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", $"from flask import Flask\n\nraise RuntimeError(\"boom\\n{Forged}\\n::error file=x::forged\\x1b[2K\\x1b]0;title\\x07\")\napp = Flask(__name__)\n");
        project.Write("requirements.txt", "flask==2.2.2\nevil\u202e==1\n");
        project.Write($"notes\n{Forged}\u001b[31m.txt", "x\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "-x", "notes*").ExitCode);

        foreach (var format in new[] { "text", "github" })
        {
            var run = project.Run("check", "project", "--python", TestPython.Path, "--format", format);
            var output = run.Stdout + run.Stderr;

            Assert.DoesNotMatch(RawControl(), output);
            Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith(Forged, StringComparison.Ordinal) || line.StartsWith("::error file=x", StringComparison.Ordinal));
            var diagnostics = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("Found ", StringComparison.Ordinal) && !l.StartsWith("[*]", StringComparison.Ordinal) && !l.Contains("fixable", StringComparison.Ordinal));
            Assert.All(diagnostics, line => Assert.Matches(format == "text" ? DiagnosticLine() : AnnotationLine(), line));
        }
    }

    [Fact]
    public void JsonAndSarif_CarryNoRawControlCharacters()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\nraise RuntimeError(\"a\\x1b[31mred\\u202e\")\napp = Flask(__name__)\n");
        project.Write("requirements.txt", "flask==2.2.2\n");

        foreach (var format in new[] { "json", "sarif" })
        {
            var run = project.Run("check", "project", "--python", TestPython.Path, "--format", format);
            Assert.DoesNotMatch(RawControl(), run.Stdout);
            Assert.Contains("CL2002", run.Stdout);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task PathologicalLines_AreParsedInLinearTime()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n" +
                                string.Concat(Enumerable.Repeat("a.", 50_000)) + "\n" +
                                "# noqa: CL1" + new string(',', 100_000) + "1\n" +
                                string.Concat(Enumerable.Repeat("x://u:p@h/", 10_000)) + "\n" +
                                string.Concat(Enumerable.Repeat("token", 20_000)) + "=1\n");
        project.Write("requirements.txt", "flask==2.2.2\n" + "a" + new string(' ', 100_000) + "@\n" + new string('b', 100_000) + "!\n" +
                                          "c @ " + string.Concat(Enumerable.Repeat("h://u:p@", 10_000)) + "\n");
        project.Write("templates/index.html", "<a href=\"/" + new string('a', 200_000) + "\n");

        var run = await Task.Run(() => project.Run("check", "project", "--no-python", "--format", "json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"CL3002\"", run.Stdout);
    }

    /// <summary>Any C0 control but tab and line feed, DEL, C1 controls, bidi overrides and isolates.</summary>
    [GeneratedRegex("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]")]
    private static partial Regex RawControl();

    [GeneratedRegex(@"^[^\s:]+(?:/[^\s:]+)*:\d+:\d+: (error|warning|note) CL\d{4} .*$")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^::(error|warning|notice) file=[^,:]+(,line=\d+)?(,col=\d+)?(,endLine=\d+)?(,endColumn=\d+)?,title=CL\d{4} [a-z-]+::.*$")]
    private static partial Regex AnnotationLine();
}
