using Xunit;

namespace Connect.Lint.Tests;

/// <summary>CL4xxx on real temporary Git repositories, and CL5xxx on real Flask code and templates.</summary>
public sealed class GitAndSecurityTests
{
    private const string App = """
        import os

        from flask import Flask, redirect, url_for

        from helpers import greet

        app = Flask(__name__)
        app.secret_key = os.environ["SECRET_KEY"]


        @app.route("/")
        def index():
            return redirect(url_for("hello"))


        @app.route("/hello")
        def hello():
            return greet()


        if __name__ == "__main__":
            app.run(debug=True)

        """;

    /// <summary>A Flask project in a fresh Git repository; <paramref name="commit"/> says which files are committed.</summary>
    private static TempProject Repository(Action<TempProject> arrange, params string[] commit)
    {
        var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("helpers.py", "def greet():\n    return \"hello\"\n");
        project.Write("requirements.txt", "flask==2.2.2\n");
        arrange(project);
        var manifest = project.Run("write-manifest", "project", "--python", TestPython.Path);
        Assert.True(manifest.ExitCode == 0, manifest.Stderr);
        TestGit.Run(project.Directory, "init", "-q");
        string[] toCommit = commit.Length == 0 ? ["."] : commit;
        TestGit.Run(project.Directory, ["add", "-f", "--", .. toCommit]);
        TestGit.Commit(project.Directory);
        return project;
    }


    private static string[] Lines(TempProject project, string select) =>
        project.Run("check", "project", "--python", TestPython.Path, "--select", select).Stdout.Split('\n').Where(l => l.Contains(" CL")).ToArray();

    [Fact]
    public void CleanRepository_ReportsNothing()
    {
        using var project = Repository(_ => { });
        Assert.Empty(Lines(project, "CL4,CL5"));
    }

    [Fact]
    public void ImportedLocalModuleLeftUntracked()
    {
        using var project = Repository(_ => { }, "app.py", "requirements.txt", "manifest.json");
        Assert.Equal(["project/helpers.py:1:1: error CL4001 helpers.py is imported by the app but it is not committed (untracked): Connect's checkout of the branch will not have it"],
            Lines(project, "CL4001"));
    }

    [Fact]
    public void IgnoredRequirements()
    {
        using var project = Repository(p => p.Write(".gitignore", "requirements.txt\n"), "app.py", "helpers.py", "manifest.json", ".gitignore");
        Assert.Equal(["project/requirements.txt:1:1: error CL4001 requirements.txt lists the packages Connect installs but it is ignored by .gitignore: Connect's checkout of the branch will not have it"],
            Lines(project, "CL4001"));
    }

    [Fact]
    public void CommittedEnv_BesideAHarmlessExample()
    {
        using var project = Repository(p =>
        {
            p.Write(".env", "SECRET_KEY=real\n");
            p.Write(".env.example", "SECRET_KEY=\n");
        });
        Assert.Equal(["project/.env:1:1: error CL4002 .env is an environment file with secrets and is committed: it is published with the app (and stays in the repository's history). Use Connect's Vars instead"],
            Lines(project, "CL4002"));
    }

    [Fact]
    public void PrivateKeyBlock_InACommittedFile()
    {
        using var project = Repository(p => p.Write("deploy/notes.txt", "key for the db:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n"));
        Assert.Equal(["project/deploy/notes.txt:2:1: error CL4002 deploy/notes.txt is a file holding a private key and is committed and listed in manifest.json: it is published with the app (and stays in the repository's history). Use Connect's Vars instead"],
            Lines(project, "CL4002"));
    }

    [Fact]
    public void LfsPointer()
    {
        using var project = Repository(p =>
        {
            p.Write(".gitattributes", "*.pkl filter=lfs diff=lfs merge=lfs -text\n");
            p.Write("model.pkl", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n");
        });
        Assert.Equal(["project/model.pkl:1:1: error CL4003 model.pkl is stored with Git LFS: Connect does not fetch LFS objects, so the app gets a 130-byte pointer instead of the file"],
            Lines(project, "CL4003"));
    }

    [Fact]
    public void CommittedBytecode_IsReportedOncePerDirectory()
    {
        using var project = Repository(p =>
        {
            p.Write("__pycache__/app.cpython-311.pyc", "x");
            p.Write("__pycache__/helpers.cpython-311.pyc", "x");
        });
        Assert.Equal(["project/__pycache__/app.cpython-311.pyc:1:1: warning CL4004 2 files are committed under __pycache__/ (Python bytecode): Connect deploys every committed file; add it to .gitignore and 'git rm -r --cached __pycache__/'"],
            Lines(project, "CL4004"));
    }

    [Fact]
    public void OutsideARepository_TheGitRulesAreSkippedWithANotice()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("helpers.py", "def greet():\n    return 1\n");
        project.Write("requirements.txt", "flask==2.2.2\n");
        project.Run("write-manifest", "project", "--python", TestPython.Path);

        var run = project.Run("check", "project", "--no-python", "--select", "CL4");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not inside a Git repository: what Git would commit was not checked (CL4001, CL4002, CL4003, CL4004, CL4005)", run.Stderr);
    }

    [Fact]
    public void TemplatesMixingUrlForAndHardCodedUrls()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("templates/base.html", """
            <link href="{{ url_for('static', filename='site.css') }}" rel="stylesheet">
            <link href="/static/print.css" rel="stylesheet">
            <script src="//cdn.example.com/lib.js"></script>
            <a href="https://example.com/about">about</a>
            <form action="/search" method="get"></form>
            <img src="{{ url_for('static', filename='logo.png') }}">
            """);

        var lines = project.Run("check", "project", "--no-python", "--select", "CL5003").Stdout.Split('\n').Where(l => l.Contains(" CL")).ToArray();

        Assert.Equal(
        [
            "project/templates/base.html:2:13: warning CL5003 href=/static/print.css is root-relative: Connect serves the app under /content/<guid>/ (or a vanity path), so it points outside the app; use {{ url_for('static', filename='print.css') }}",
            "project/templates/base.html:5:15: warning CL5003 action=/search is root-relative: Connect serves the app under /content/<guid>/ (or a vanity path), so it points outside the app; build it with url_for(...)",
        ], lines);
    }

    [Fact]
    public void FlaskSecurityRules_FireOnTheirPatterns_AndNotOnTheSafeForms()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", """
            import os
            from flask import Flask, redirect

            app = Flask(__name__)
            app.secret_key = "dev-not-secret"
            app.config["DEBUG"] = True
            DATABASE_URL = "postgresql://app:hunter2@db.internal/app"
            SAFE_URL = "postgresql://app:${DB_PASSWORD}@db.internal/app"
            TOKEN = "AKIAABCDEFGHIJKLMNOP"
            app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


            @app.route("/old")
            def old():
                return redirect("/new")


            if __name__ == "__main__":
                app.run(debug=True)
            """);

        var lines = project.Run("check", "project", "--no-python", "--select", "CL5").Stdout.Split('\n').Where(l => l.Contains(" CL")).ToArray();

        Assert.Equal(
        [
            // Without the import, CL5001 and CL5002 are guesses from the text: warnings that say so.
            "project/app.py:5:18: warning CL5002 the secret key is a string literal: anyone with the code can forge session cookies. Set it from an environment variable (a Connect Var), e.g. os.environ[\"SECRET_KEY\"] (found in the text; the app was not imported, so whether it runs was not confirmed)",
            "project/app.py:6:11: warning CL5001 debug mode is switched on ('[\"DEBUG\"] = True'): the Werkzeug debugger lets anyone who reaches it run code on the server; read it from the environment instead (found in the text; the app was not imported, so whether it runs was not confirmed)",
            "project/app.py:7:17: error CL5004 a postgresql:// URI with a password in the source: it is published with the app and stays in the history; move it to a Connect Var and rotate it",
            "project/app.py:9:10: error CL5004 a key starting 'AKIA' in the source: it is published with the app and stays in the history; move it to a Connect Var and rotate it",
            "project/app.py:15:21: warning CL5003 redirect(\"/new\") is root-relative: Connect serves the app under /content/<guid>/ (or a vanity path), so it points outside the app; build it with url_for(...)",
        ], lines);
    }
}
