using System.Diagnostics;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>The language server in a real LSP client: Neovim headless (Debian's neovim, installed by test.sh), driven by tests/editors/nvim-lsp.lua.</summary>
[Collection(Alone.Name)]
public sealed class EditorTests
{
    [Fact]
    public async Task Neovim_ShowsTheExamplesDiagnostics_AppliesAQuickFix_AndShowsTheNewDiagnosticsAfterASave()
    {
        if (!File.Exists("/usr/bin/nvim"))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, "nvim is missing: test.sh installs Debian's neovim");
            return;
        }

        // The bundled example (examples/inventory-api), as the README's main command checks it.
        using var project = TempProject.Empty();
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures.RepositoryRoot, "examples", "inventory-api"), "*", SearchOption.AllDirectories))
        {
            project.WriteBytes(Path.GetRelativePath(Path.Combine(Fixtures.RepositoryRoot, "examples", "inventory-api"), file), File.ReadAllBytes(file));
        }

        project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{TestPython.Path}\"\n");
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
        var lines = seen.TrimEnd('\n').Split('\n');
        Assert.Equal("diagnostics: CL1004 CL1006 CL1007 CL1007 CL1008 CL1008", lines[0]); // CL1008 twice: pyproject.toml is not listed either
        Assert.Equal("quick fix: Update the checksum of 'app.py' (CL1007)", lines[1]);
        Assert.Equal("after save: CL1004 CL1006 CL1007 CL1008 CL1008", lines[2]);
    }
}
