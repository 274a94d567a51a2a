using System.Text;

namespace Connect.Lint.Python;

/// <summary>
/// The bridge is a small Python package (<c>Python/connect_lint_bridge/*.py</c>, embedded in the tool). The interpreter gets it
/// as one script passed with <c>-c</c> (nothing is written to disk): a loader that makes the package
/// <c>connect_lint_bridge</c> in memory from the modules' sources, in dependency order, then runs its main.
/// </summary>
public static class BridgeScript
{
    /// <summary>Each module after the modules it imports from.</summary>
    public static readonly string[] Modules = ["safe", "static_facts", "recorder", "flask_facts", "import_facts", "serve", "environment", "distributions", "main", "fork_server"];

    /// <summary>What the embedded host loads besides: the in-process containment.</summary>
    public static readonly string[] EmbeddedModules = ["embedded"];

    /// <summary>The script: run as __main__ (the process host) it answers; exec'd under another name it only defines the package.</summary>
    public static string Build() => Build(Modules);

    public static string BuildEmbedded() => Build([.. Modules, .. EmbeddedModules]);

    /// <summary>Where the process host's interpreters keep the compiled bridge: named for this build's script.</summary>
    public static string CompiledCachePath(string interpreter) =>
        Path.Combine(Caching.ToolCache.Directory, "bridge",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(BridgeProtocol.Script.Value + "\n" + interpreter)))[..32] + ".bin");

    private static string Build(IEnumerable<string> modules)
    {
        var script = new StringBuilder();
        script.Append("""
            # connect-lint's Python bridge: the package connect_lint_bridge, loaded from memory (see Python/connect_lint_bridge/).
            import sys as _sys, types as _types


            def _connect_lint_compiled(modules, cache):
                # The modules compiled: from the tool's cache when it holds them for this interpreter (marshal's format is
                # per version) and the file hashes to what the tool vouches for ("SHA256:PATH"), else compiled here
                # (~4 ms) and kept at PATH for the tool to record. The file is named for the bridge's own text.
                import marshal
                expected, _, path = cache.partition(":")
                tag = repr((_sys.version, _sys.implementation.cache_tag)).encode()
                if expected and path:
                    try:
                        try:
                            from _sha256 import sha256  # hashlib's import costs as much as compiling
                        except ImportError:
                            from _sha2 import sha256
                        with open(path, "rb") as handle:
                            stored = handle.read()
                        if sha256(stored).hexdigest() == expected and stored.startswith(tag + b"\n"):
                            return marshal.loads(stored[len(tag) + 1:])
                    except Exception:
                        pass
                codes = [compile(source, "<connect-lint>/" + name + ".py", "exec") for name, source in modules]
                if path:
                    try:
                        import os
                        temporary = "%s.%d.tmp" % (path, os.getpid())
                        with open(temporary, "wb") as handle:
                            handle.write(tag + b"\n" + marshal.dumps(codes))
                        os.replace(temporary, path)
                    except Exception:
                        pass
                return codes


            def _connect_lint_load(modules, cache=""):
                package = _types.ModuleType("connect_lint_bridge")
                package.__path__ = []
                _sys.modules["connect_lint_bridge"] = package
                for (name, _), code in zip(modules, _connect_lint_compiled(modules, cache)):
                    # No __file__: the bridge's modules must never count as the project's (it looks at __file__).
                    module = _types.ModuleType("connect_lint_bridge." + name)
                    module.__package__ = "connect_lint_bridge"
                    _sys.modules[module.__name__] = module
                    setattr(package, name, module)
                    exec(code, module.__dict__)
                return package


            _bridge = _connect_lint_load([

            """);
        foreach (var module in modules)
        {
            script.Append($"    ({PythonLiteral.Of(module)}, {PythonLiteral.Of(EmbeddedText.Read($"python/connect_lint_bridge/{module}.py"))}),\n");
        }

        script.Append("""
            ], _sys.argv[2] if __name__ == "__main__" and len(_sys.argv) > 2 else "")
            if __name__ == "__main__" and _sys.argv[1:2] == ["--serve"]:
                _bridge.fork_server.server_main()
            elif __name__ == "__main__":
                _bridge.main.process_main()

            """);
        return script.ToString();
    }
}
