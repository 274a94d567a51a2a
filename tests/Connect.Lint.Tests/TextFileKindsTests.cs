using Connect.Lint.Rules.Model.Text;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>Which files the loader reads as text: what some rule looks in, and nothing else (a large data file is never read, so never reported as unread).</summary>
public sealed class TextFileKindsTests
{
    [Theory]
    [InlineData("app.py", TextFileKind.Python)]
    [InlineData("templates/base.html", TextFileKind.Template)]
    [InlineData("config/settings.yaml", TextFileKind.Config)]
    [InlineData("requirements.txt", TextFileKind.Config)]
    [InlineData(".env.production", TextFileKind.Other)]
    [InlineData(".netrc", TextFileKind.Other)]
    [InlineData("deploy/id_rsa.old", TextFileKind.Other)]
    [InlineData("certs/server.pem", TextFileKind.Other)]
    [InlineData("Procfile", TextFileKind.Other)]
    public void TextFiles_AreReadAsTheirKind(string path, TextFileKind kind) => Assert.Equal(kind, TextFileKinds.Of(path));

    [Theory]
    [InlineData(".coverage")]
    [InlineData(".gitignore")]
    [InlineData("data/model.bin")]
    [InlineData("static/logo.png")]
    [InlineData("data/id_mapping.parquet")]
    public void DataAndOtherDotfiles_AreNotRead(string path) => Assert.Null(TextFileKinds.Of(path));
}
