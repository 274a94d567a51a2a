using System.Diagnostics;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>No silent omissions: what the tool cannot read, a limit it reaches, a file Connect's checkout lacks — each is said.</summary>
public sealed class OmissionTests
{
    private const string App = "from flask import Flask\n\napp = Flask(__name__)\n";

    private static string[] Lines(CliRun run) => run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)).ToArray();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void WriteManifest_NamesAFileItCannotRead_InsteadOfLeavingItOut()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("requirements.txt", "flask==2.2.2\n");
        project.Write("locked.py", "X = 1\n");
        ToolProcess.OpenTo(project.Root);
        File.SetUnixFileMode(project.PathOf("locked.py"), UnixFileMode.None);

        var run = ToolProcess.Run(project.Root, ["write-manifest", "project", "--python", TestPython.Path], asNobody: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("connect-lint: error: cannot list locked.py: it could not be read (permission denied); fix the permissions or leave the files out with --exclude\n", run.Stderr);
        Assert.False(File.Exists(project.PathOf("manifest.json")));
    }

    [Fact]
    public void ListedAndImportedFilesNotCommitted_AreReported_EvenWhenTheImportFails()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\nfrom helpers import greet\n\nraise RuntimeError(\"no database\")\napp = Flask(__name__)\n");
        project.Write("helpers.py", "def greet():\n    return \"hi\"\n");
        project.Write("static/site.css", "body {}\n");
        project.Write("requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        TestGit.Run(project.Directory, "init", "-q");
        TestGit.Run(project.Directory, "add", "app.py", "requirements.txt", "manifest.json");
        TestGit.Commit(project.Directory);

        var lines = Lines(project.Run("check", "project", "--python", TestPython.Path, "--select", "CL4001"));

        Assert.Equal(
        [
            "project/helpers.py:1:1: error CL4001 helpers.py is imported by the app but it is not committed (untracked): Connect's checkout of the branch will not have it",
            "project/static/site.css:1:1: error CL4001 static/site.css is listed in manifest.json but it is not committed (untracked): Connect's checkout of the branch will not have it",
        ], lines);
    }

    [Fact]
    public void LfsPointerWithoutGitAttributes_IsRecognisedByItsContent()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("requirements.txt", "flask==2.2.2\n");
        project.Write("model.pkl", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
        project.Write("notes.txt", "version 2 of the notes\n");

        var lines = Lines(project.Run("check", "project", "--no-python", "--select", "CL4003"));

        Assert.Equal(["project/model.pkl:1:1: error CL4003 model.pkl is stored with Git LFS: Connect does not fetch LFS objects, so the app gets a 130-byte pointer instead of the file"], lines);
    }

    [Fact]
    public void CredentialsInDirectReferencesAndIncludeUrls_AreReported()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("requirements.txt", """
            flask==2.2.2
            mypkg @ https://user:hunter22@files.example.com/mypkg-1.0-py3-none-any.whl
            -r https://user:hunter22@files.example.com/base.txt
            -c https://user:hunter22@files.example.com/constraints.txt
            -r ${INDEX}/safe.txt
            """);

        var lines = Lines(project.Run("check", "project", "--no-python", "--select", "CL3009"));

        Assert.Equal(["project/requirements.txt:2:1:", "project/requirements.txt:3:4:", "project/requirements.txt:4:4:"], lines.Select(l => l[..l.IndexOf(' ')]));
    }

    [Fact]
    public void ByteOrderMarkInRequirements_IsAcceptedAsPipAcceptsIt()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", App);
        project.WriteBytes("requirements.txt", [0xEF, 0xBB, 0xBF, .. "flask==2.2.2\n"u8.ToArray()]);

        var check = project.Run("check", "project", "--python", TestPython.Path, "--select", "CL3002,CL3003");
        project.Run("check", "project", "--python", TestPython.Path, "--select", "CL3003", "--fix", "--unsafe-fixes");

        Assert.Empty(Lines(check));
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "flask==2.2.2\n"u8.ToArray()], File.ReadAllBytes(project.PathOf("requirements.txt")));
    }

    [Fact]
    public void LimitsReached_AreReportedAsNotes()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("settings.json", "{\"padding\": \"" + new string('x', 1_100_000) + "\"}\n");
        project.Write("requirements.txt", "-r r1.txt\n");
        for (var i = 1; i <= 70; i++)
        {
            project.Write($"r{i}.txt", $"-r r{i + 1}.txt\n");
        }

        // A name that is not UTF-8 (Latin-1 "café"), which .NET cannot open by name.
        using (var python = Process.Start(TestPython.Path, ["-c", "import sys; open(sys.argv[1].encode() + b'/caf\\xe9.py', 'w').write('x = 1')", project.Directory]))
        {
            python.WaitForExit();
        }

        var lines = Lines(project.Run("check", "project", "--no-python", "--select", "CL9005"));

        Assert.Equal(
        [
            "project/caf\ufffd.py:1:1: note CL9005 caf\ufffd.py: its name is not valid UTF-8, so it cannot be opened by name; it was not listed or checked",
            "project/r64.txt:1:1: note CL9005 r64.txt: the include chain has more than 64 files; it and the files after it were not checked",
            "project/settings.json:1:1: note CL9005 settings.json: it is larger than 1 MiB (1 MiB); it was not scanned for secrets, settings or noqa comments",
        ], lines);
    }

    [Fact]
    public void ALargeFixSharedByManyDiagnostics_IsReportedOnce()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        for (var i = 0; i < 300; i++)
        {
            project.Write($"data/file{i:000}.txt", $"{i}\n");
        }

        var json = System.Text.Json.Nodes.JsonNode.Parse(project.Run("check", "project", "--no-python", "--select", "CL1008", "--format", "json").Stdout)!;
        var fixes = json["diagnostics"]!.AsArray().Select(d => d!["fix"]!["edits"]!.AsArray().Count).ToList();

        Assert.Equal(300, fixes.Count);
        Assert.Equal([1, .. Enumerable.Repeat(0, 299)], fixes);
    }
}
