using System.Diagnostics;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// A virtual environment made from the test interpreter (with Debian's Flask through --system-site-packages) into
/// which small distributions are installed by writing their files and metadata: real installed packages with the
/// versions a test needs, without a package index.
/// </summary>
public sealed class TestVenv
{
    private TestVenv(string directory) => Directory = directory;

    public string Directory { get; }

    public string Python => Path.Combine(Directory, "bin", "python");

    public static TestVenv Create(string directory)
    {
        _ = TestPython.PythonVersion; // fails, never skips, when the interpreter is missing
        var start = new ProcessStartInfo(TestPython.Path, ["-m", "venv", "--without-pip", "--system-site-packages", directory]) { RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 -m venv failed (install python3-venv): {error}");
        return new TestVenv(directory);
    }

    /// <summary>
    /// An environment that has nothing installed, not even pip (as uv makes them): the declared distributions are not
    /// installed where the check runs, so their metadata is unseen.
    /// </summary>
    public static TestVenv CreateBare(string directory)
    {
        _ = TestPython.PythonVersion;
        var start = new ProcessStartInfo(TestPython.Path, ["-m", "venv", "--without-pip", directory]) { RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 -m venv failed (install python3-venv): {error}");
        return new TestVenv(directory);
    }

    private string SitePackages => System.IO.Directory.GetDirectories(Path.Combine(Directory, "lib")).Single() + "/site-packages";

    /// <summary>Installs a distribution: its modules (relative path → source) and the metadata importlib.metadata reads.</summary>
    public TestVenv Install(string name, string version, IReadOnlyDictionary<string, string> files, params string[] requires)
    {
        foreach (var (relative, source) in files)
        {
            var path = Path.Combine(SitePackages, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, source);
        }

        var info = Path.Combine(SitePackages, $"{name.Replace('-', '_')}-{version}.dist-info");
        System.IO.Directory.CreateDirectory(info);
        File.WriteAllText(Path.Combine(info, "METADATA"),
            $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + string.Concat(requires.Select(r => $"Requires-Dist: {r}\n")));
        File.WriteAllText(Path.Combine(info, "top_level.txt"), string.Join("\n", files.Keys.Select(k => k.Split('/')[0].Replace(".py", string.Empty, StringComparison.Ordinal)).Distinct()) + "\n");
        File.WriteAllText(Path.Combine(info, "INSTALLER"), "connect-lint-tests\n");
        return this;
    }
}
