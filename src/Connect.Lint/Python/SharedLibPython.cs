namespace Connect.Lint.Python;

/// <summary>
/// Finds the shared libpython that belongs to an interpreter without running it: from the real binary's name
/// (python3.11) or the venv's pyvenv.cfg, in the installation's own lib directory. Static builds (pyenv's
/// default, Debian's python3) have none there; Debian ships it apart, as package libpython3.X.
/// </summary>
public static class SharedLibPython
{
    /// <summary>The library's path, or throws <see cref="DllNotFoundException"/> with a reason a person can act on.</summary>
    public static string Find(string interpreter)
    {
        var real = RealBinary(interpreter);
        var version = VersionFromName(Path.GetFileName(real)) ?? VenvVersion(interpreter)
            ?? throw new DllNotFoundException($"{interpreter}: cannot tell its Python version from {real} or a pyvenv.cfg");
        var prefix = Path.GetDirectoryName(Path.GetDirectoryName(real)) ?? "/";
        var lib = Path.Combine(prefix, "lib");
        string[] names = OperatingSystem.IsMacOS()
            ? [$"libpython{version}.dylib"]
            : [$"libpython{version}.so.1.0", $"libpython{version}.so"];
        foreach (var directory in new[] { lib, Path.Combine(lib, MultiarchTriplet()) })
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DllNotFoundException(prefix == "/usr"
            ? $"{real} has no shared libpython{version} beside it (on Debian and Ubuntu it comes with package libpython{version})"
            : $"{real} has no shared libpython{version} in {lib} (a static build; build it with --enable-shared)");
    }

    /// <summary>The interpreter with every symlink followed: a venv's bin/python3 → /usr/bin/python3 → python3.11.</summary>
    private static string RealBinary(string interpreter)
    {
        var target = File.ResolveLinkTarget(interpreter, returnFinalTarget: true);
        return target?.FullName ?? Path.GetFullPath(interpreter);
    }

    private static string? VersionFromName(string fileName)
    {
        var match = System.Text.RegularExpressions.Regex.Match(fileName, @"^python(\d+\.\d+)$");
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>X.Y from pyvenv.cfg's "version" or "version_info" line, when the interpreter is a venv's.</summary>
    private static string? VenvVersion(string interpreter)
    {
        if (InterpreterLocator.VenvConfigOf(interpreter) is not { } config)
        {
            return null;
        }

        foreach (var line in File.ReadLines(config))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] is "version" or "version_info")
            {
                var numbers = parts[1].Split('.');
                if (numbers.Length >= 2)
                {
                    return $"{numbers[0]}.{numbers[1]}";
                }
            }
        }

        return null;
    }

    private static string MultiarchTriplet() => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64-linux-gnu",
        System.Runtime.InteropServices.Architecture.X86 => "i386-linux-gnu",
        _ => "x86_64-linux-gnu",
    };
}
