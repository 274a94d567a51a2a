using Connect.Lint.Rules.Model.Requirements;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// requirements.txt read as pip reads it (pip's req_file: str.splitlines, then joined continuations, then comments
/// cut; optparse for option lines), with positions as an editor counts them.
/// </summary>
public sealed class RequirementsAsPipReadsTests
{
    private static RequirementsFile Parse(string text) => RequirementsParser.Parse("requirements.txt", text);

    [Fact]
    public void EveryLineBoundaryPythonKnows_SplitsLines()
    {
        var file = Parse("flask==2.2.2\fnumpy==1.26.4\rpandas==2.1.0\vrequests==2.31.0\u2028click==8.1.7\x1cjinja2==3.1.2\u0085itsdangerous==2.1.2\n");

        Assert.Empty(file.Errors);
        Assert.Equal(["flask", "numpy", "pandas", "requests", "click", "jinja2", "itsdangerous"], file.Requirements.Select(r => r.Name));
        // Positions stay an editor's: only '\n' ends a line, so numpy is on line 1, after the form feed.
        var numpy = file.Requirements.Single(r => r.Name == "numpy");
        Assert.Equal((1, 14), (numpy.Span.Line, numpy.Span.Column));
    }

    [Fact]
    public void GluedShortOptions_AreOptparsesOptions()
    {
        var file = Parse("-rbase.txt\n-cconstraints.txt\n-ihttps://pypi.example.com/simple\n-f./wheels\n-e.\nflask==2.2.2\n");

        Assert.Empty(file.Errors);
        var includes = file.Entries.OfType<IncludeEntry>().ToList();
        Assert.Equal([("base.txt", false), ("constraints.txt", true)], includes.Select(i => (i.Target, i.IsConstraint)));
        Assert.Equal(3, includes[0].TargetSpan.Column);
        var options = file.Entries.OfType<OptionEntry>().ToList();
        Assert.Equal([("-i", "https://pypi.example.com/simple"), ("-f", "./wheels")], options.Select(o => (o.Option, o.Value)));
        Assert.Equal(".", Assert.Single(file.Requirements, r => r.Editable).Url);
    }

    [Fact]
    public void AContinuation_IsJoined_AndACommentLineEndsIt()
    {
        var file = Parse("flask\\\n==2.2.2\nnumpy==1.26.4 \\\n# pinned for the old server\npandas==2.1.0\n");

        Assert.Empty(file.Errors);
        Assert.Equal([("flask", "==2.2.2", 1), ("numpy", "==1.26.4", 3), ("pandas", "==2.1.0", 5)],
            file.Requirements.Select(r => (r.Name!, r.Specifier, r.Span.Line)));
    }

    [Fact]
    public void ACommentEndingInABackslash_SwallowsTheNextLine_AsInPip()
    {
        // pip joins before it cuts comments: the next line becomes part of the comment.
        var file = Parse("flask==2.2.2 # see the wiki \\\nnumpy==1.26.4\npandas==2.1.0\n");

        Assert.Equal(["flask", "pandas"], file.Requirements.Select(r => r.Name));
    }

    [Fact]
    public void A160000LineContinuation_IsOneLogicalLine()
    {
        var text = "flask" + string.Concat(Enumerable.Repeat(" \\\n", 160_000)) + "==2.2.2\n";

        var file = Parse(text);

        Assert.Equal(("flask", "==2.2.2"), (file.Requirements.Single().Name, file.Requirements.Single().Specifier));
    }

    [Fact]
    public void AnIncludeNamingANulCharacter_IsASyntaxError_NotAPathToOpen()
    {
        // The hostile suite's fuzzing found it: a glued or spaced -r/-c with a NUL reached Path.GetFullPath and ended the run.
        var file = Parse("-rx\0y.txt\n-c a\0b\nflask==2.2.2\n");

        Assert.Empty(file.Entries.OfType<IncludeEntry>());
        Assert.Equal(["-r names no file pip can open: a file name cannot hold a NUL character", "-c names no file pip can open: a file name cannot hold a NUL character"],
            file.Errors.Select(e => e.Message));
    }
}
