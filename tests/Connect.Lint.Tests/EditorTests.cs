using System.Diagnostics;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>The language server in a real LSP client: Neovim headless (Debian's neovim, installed by test.sh), driven by tests/editors/nvim-lsp.lua.</summary>
public sealed class EditorTests
{
    [Fact]
    public async Task Neovim_ShowsTheDiagnostics_AppliesAQuickFix_AndShowsTheNewDiagnosticsAfterASave()
    {
        if (!File.Exists("/usr/bin/nvim"))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, "nvim is missing: test.sh installs Debian's neovim");
            return;
        }

        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{TestPython.Path}\"\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        project.Write("app.py", project.Read("app.py") + "\n# edited\n");
        var report = project.PathOf("../nvim-report.txt");
        var start = new ProcessStartInfo("/usr/bin/nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-c", $"luafile {Path.Combine(Fixtures.RepositoryRoot, "tests", "editors", "nvim-lsp.lua")}"])
        {
            WorkingDirectory = project.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["CONNECT_LINT_NVIM_REPORT"] = report;
        start.Environment["CONNECT_LINT_DLL"] = Path.Combine(AppContext.BaseDirectory, "connect-lint.dll");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await process.WaitForExitAsync(timeout.Token);

        var seen = File.Exists(report) ? await File.ReadAllTextAsync(report) : "(no report) " + await output + await errors;
        Assert.True(process.ExitCode == 0, seen);
        Assert.Equal("diagnostics: CL1007\nquick fix: Update the checksum of 'app.py' (CL1007)\nafter save: \n", seen);
        Assert.Equal(0, project.Run("check", "project", "--no-python", "--select", "CL10").ExitCode);
    }
}
