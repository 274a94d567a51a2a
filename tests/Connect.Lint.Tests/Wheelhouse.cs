using System.Diagnostics;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// A local package index for the rehearsal tests (Fixtures/wheelhouse/build_wheelhouse.py): Debian's Flask and its
/// dependencies repacked as wheels, and small packages built from source by pip. pip is pointed at it with
/// PIP_NO_INDEX=1 and PIP_FIND_LINKS, so its real resolver and installer run without a network.
/// </summary>
public static class Wheelhouse
{
    private static readonly Lazy<string> Built = new(() =>
    {
        _ = TestPython.PythonVersion; // fails, never skips, when the interpreter is missing
        var directory = Path.Combine(Path.GetTempPath(), "connect-lint-tests", "wheelhouse-" + Guid.NewGuid().ToString("N"));
        var script = Path.Combine(Fixtures.Root, "wheelhouse", "build_wheelhouse.py");
        // A directory of its own: an embedded-host test in this process may be in (and then delete) its project's directory.
        var start = new ProcessStartInfo(TestPython.Path, [script, directory]) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"building the wheelhouse failed (test.sh installs python3-setuptools and python3-wheel): {error.Result}");
        return directory;
    });

    public static string Directory => Built.Value;

    /// <summary>The environment a rehearsal test runs the tool with: pip on the wheelhouse only, and a cache of its own.</summary>
    public static Dictionary<string, string?> Environment(string cacheDirectory) => new()
    {
        ["PIP_NO_INDEX"] = "1",
        ["PIP_FIND_LINKS"] = Directory,
        ["CONNECT_LINT_CACHE_DIR"] = cacheDirectory,
        ["PIP_CONFIG_FILE"] = "/dev/null", // the machine's pip.conf is not the test's
    };
}
