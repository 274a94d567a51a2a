using System.CommandLine;
using Connect.Lint;
using Connect.Lint.Commands;
using Connect.Lint.Reporting;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Settings;

// Before any child starts: Ctrl+C, SIGTERM, SIGHUP and every exit take the tool's children (its own sessions too) with it.
Connect.Lint.Processes.ChildProcesses.InstallSignalHandlers();
var exitCode = CommandLine.Run(args, Console.Out, Console.Error);
return Connect.Lint.Processes.ChildProcesses.SignalExitCode ?? exitCode;

namespace Connect.Lint
{
    /// <summary>The command-line surface; exit codes as ruff: 0 clean, 1 diagnostics, 2 usage or internal error.</summary>
    public static class CommandLine
    {
        /// <summary>Runs a command; everything it prints goes through <see cref="Output.SafeTextWriter"/> (redacted, no raw control characters).</summary>
        /// <param name="startDirectory">Where relative paths are read from; null: the process's working directory.</param>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? startDirectory = null)
        {
            StartDirectory.Capture(startDirectory);
            Caching.ToolCache.DirectoryOverride = null; // a command's --cache-dir is its own
            var colour = Output.TerminalColour.Enabled(ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
            var safeOut = new Output.SafeTextWriter(stdout) { Decorate = colour ? Output.TerminalColour.Paint : null };
            var safeErr = new Output.SafeTextWriter(stderr, freeText: true);
            Caching.ToolCache.Warnings = safeErr;
            var stderrIsTerminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";
            Output.ProgressLine.UseTerminal(stderrIsTerminal && !args.Contains("-q") && !args.Contains("--quiet") ? stderr : null);
            try
            {
                return RunUnsafe(args, safeOut, safeErr);
            }
            finally
            {
                safeOut.Complete();
                safeErr.Complete();
            }
        }

        private static int RunUnsafe(string[] args, TextWriter stdout, TextWriter stderr)
        {
            Trace.Mark("main");
            try
            {
                var root = Build(stdout, stderr);
                var parsed = root.Parse(args);
                Trace.Mark("parsed");
                if (UsageErrors.Of(parsed) is { Count: > 0 } problems)
                {
                    foreach (var problem in problems)
                    {
                        stderr.WriteLine($"connect-lint: error: {problem}");
                    }

                    stderr.WriteLine("Run 'connect-lint --help' for usage.");
                    return 2;
                }

                return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            }
            catch (UsageException e)
            {
                stderr.WriteLine($"connect-lint: error: {e.Message}");
                return e.ExitCode;
            }
            catch (Configuration.ConfigException e)
            {
                stderr.WriteLine($"connect-lint: error: {e.Message}");
                return 2;
            }
            catch (Exception e) when (Environment.GetEnvironmentVariable("CONNECT_LINT_DEBUG") is null)
            {
                stderr.WriteLine($"connect-lint: internal error: {e.GetType().Name}: {e.Message} (set CONNECT_LINT_DEBUG=1 for details)");
                return 2;
            }
        }

        /// <summary>What every --help ends its description with.</summary>
        private const string ExitCodes =
            "Exit codes: 0 no problem at or above the fail level; 1 problems found (write-manifest: refused, as rsconnect); " +
            "2 a usage error, a bad configuration or an internal error.";

        private static RootCommand Build(TextWriter stdout, TextWriter stderr)
        {
            var root = new RootCommand(
                "Lint Flask projects for Posit Connect before you push.\n\n" +
                "Settings come from [tool.connect-lint] in the nearest pyproject.toml at or above each deployment (select, ignore, " +
                "per-file-ignores, exclude, python, server-python-versions, severity); the command line overrides them, and " +
                "'connect-lint check --show-settings' prints what applies and where it came from. Shell completion: 'connect-lint completion bash|zsh|fish'.\n\n" +
                ExitCodes);
            root.Subcommands.Add(BuildCheck(stdout, stderr));
            root.Subcommands.Add(BuildCheck(stdout, stderr, prePush: true));
            root.Subcommands.Add(BuildInstallHook(stderr));
            root.Subcommands.Add(BuildWriteManifest(stderr));
            root.Subcommands.Add(BuildInspect(stdout, stderr));

            var rules = new Command("rules", "List every rule.");
            rules.SetAction(_ =>
            {
                stdout.Write(RulesCommand.RenderTable());
                return 0;
            });
            root.Subcommands.Add(rules);

            var explain = new Command("explain", "Print a rule's documentation.");
            var id = new Argument<string>("CODE") { Description = $"A rule ID such as {Rules.RuleCatalog.All[0].Descriptor.Id}." };
            id.CompletionSources.Add(_ => CompletionCommand.RuleCodes().Where(code => code != "ALL").Select(code => new System.CommandLine.Completions.CompletionItem(code)));
            explain.Arguments.Add(id);
            explain.SetAction(result =>
            {
                stdout.Write(RulesCommand.Explain(result.GetValue(id)!));
                return 0;
            });
            root.Subcommands.Add(explain);

            var clean = new Command("clean", "Remove the cache (the installed packages last read from each interpreter).");
            var cleanCacheDir = CacheDirOption();
            clean.Options.Add(cleanCacheDir);
            clean.SetAction(result =>
            {
                UseCacheDir(result, cleanCacheDir);
                stderr.WriteLine(Caching.ToolCache.Clear());
                return 0;
            });
            root.Subcommands.Add(clean);

            var server = new Command("server", "Run the language server on stdin/stdout (LSP): live diagnostics, quick fixes and write-manifest in the editor.");
            server.SetAction(_ => Python.EmbeddedCompanion.NeededForJitOnlyCommand("connect-lint server") is { } companion
                ? Python.EmbeddedCompanion.Run(companion)
                : Server.ServerCommand.Run(Console.OpenStandardInput(), Console.OpenStandardOutput(), stderr));
            root.Subcommands.Add(server);

            var completion = new Command("completion", "Print a shell completion script (bash, zsh or fish).");
            var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish." };
            shell.AcceptOnlyFromAmong(CompletionCommand.Shells);
            completion.Arguments.Add(shell);
            completion.SetAction(result =>
            {
                stdout.Write(CompletionCommand.Render(root, result.GetValue(shell)!));
                return 0;
            });
            root.Subcommands.Add(completion);
            HelpLayout.Apply(root);
            return root;
        }

        private static Option<string> PythonOption() =>
            new("--python") { Description = "The project's Python interpreter, a path or a name on PATH (default: [tool.connect-lint] python, the deployment's .venv/venv/env, $VIRTUAL_ENV, python3 on PATH)." };

        private static Option<string> HostOption()
        {
            var option = new Option<string>("--python-host") { Description = "Where the project's Python runs: a child process (default) or embedded in this process.", DefaultValueFactory = _ => "process" };
            option.AcceptOnlyFromAmong("process", "embedded");
            return option;
        }

        private static Option<double> TimeoutOption() =>
            new("--import-timeout") { Description = "Seconds the import of the app may take.", DefaultValueFactory = _ => Settings.SettingsResolver.DefaultImportTimeoutSeconds };

        private static Option<bool> NoCacheOption() =>
            new("--no-cache") { Description = "Neither read nor write the cache (the installed packages last read from each interpreter)." };

        /// <summary>--cache-dir: where the cache lives for this command (over $CONNECT_LINT_CACHE_DIR).</summary>
        private static Option<string> CacheDirOption()
        {
            var option = new Option<string>("--cache-dir") { Description = "The cache's directory (default: $CONNECT_LINT_CACHE_DIR, else ~/.cache/connect-lint)." };
            option.Validators.Add(result =>
            {
                if (result.Tokens.Count > 0 && result.Tokens[0].Value.Trim().Length == 0)
                {
                    result.AddError("--cache-dir: the directory's path is empty");
                }
            });
            return option;
        }

        /// <summary>Sets the command's cache directory from --cache-dir, when it was given.</summary>
        private static void UseCacheDir(ParseResult result, Option<string> cacheDir) => Caching.ToolCache.DirectoryOverride = result.GetValue(cacheDir);

        private static Option<bool> NoPythonOption() =>
            new("--no-python") { Description = "Do not run the project's interpreter (Python-aware rules are skipped)." };

        /// <summary>
        /// What the command line says about the analysis, validated; values the user did not give stay unset, so
        /// that settings resolution can tell a default from a choice.
        /// </summary>
        private static CommandLineSettings AnalysisSettings(
            ParseResult result, Option<string> python, Option<string> host, Option<double> timeout, Option<bool>? noPython = null,
            Option<string[]>? select = null, Option<string[]>? ignore = null, Option<string[]>? exclude = null, Option<string>? entrypoint = null,
            Option<bool>? noCache = null)
        {
            var seconds = result.GetValue(timeout);
            if (Settings.SettingsResolver.ImportTimeoutProblem(seconds) is { } problem)
            {
                throw new UsageException($"--import-timeout {problem}");
            }

            var interpreter = result.GetValue(python);
            if (interpreter is not null && interpreter.Trim().Length == 0)
            {
                throw new UsageException("--python: the interpreter's path is empty");
            }

            return new CommandLineSettings
            {
                Python = interpreter,
                PythonHost = Said(result, host),
                ImportTimeoutSeconds = result.GetResult(timeout) is { Implicit: false } ? seconds : null,
                NoPython = noPython is not null && result.GetValue(noPython),
                NoCache = noCache is not null && result.GetValue(noCache),
                Select = select is null ? [] : result.GetValue(select) ?? [],
                Ignore = ignore is null ? [] : result.GetValue(ignore) ?? [],
                Exclude = exclude is null ? [] : result.GetValue(exclude) ?? [],
                Entrypoint = entrypoint is null ? null : result.GetValue(entrypoint),
            };
        }

        /// <summary>--install-timeout when given (a positive number of seconds, at most a day), else null.</summary>
        private static double? InstallTimeout(ParseResult result, Option<double> option)
        {
            if (result.GetResult(option) is not { Implicit: false })
            {
                return null;
            }

            var seconds = result.GetValue(option);
            return seconds is > 0 and <= Settings.SettingsResolver.MaxInstallTimeoutSeconds
                ? seconds
                : throw new UsageException($"--install-timeout {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}: must be a number of seconds above 0 and at most {Settings.SettingsResolver.MaxInstallTimeoutSeconds}");
        }

        private static string? Said(ParseResult result, Option<string> option) =>
            result.GetResult(option) is { Implicit: false } ? result.GetValue(option) : null;

        private static Option<string[]> ExcludeOption() =>
            new("--exclude", "-x") { Description = "Leave out files matching this glob (rsconnect's semantics); repeatable." };

        /// <summary><c>install-hook pre-push</c>: Git's pre-push hook running <c>connect-lint pre-push</c> with the options given after it.</summary>
        private static Command BuildInstallHook(TextWriter stderr)
        {
            var command = new Command("install-hook", "Install Git's pre-push hook (for users without pre-commit): 'git push' then checks the commits it pushes, as Connect will clone them.");
            var kind = new Argument<string>("HOOK") { Description = "The hook to install: pre-push." };
            kind.AcceptOnlyFromAmong("pre-push");
            var passed = new Argument<string[]>("OPTIONS") { Arity = ArgumentArity.ZeroOrMore, Description = "Options the hook passes to 'connect-lint pre-push' (after --), such as -- --python .venv/bin/python." };
            command.Arguments.Add(kind);
            command.Arguments.Add(passed);
            command.SetAction(result => InstallHookCommand.Run(result.GetValue(passed) ?? [], stderr));
            return command;
        }

        /// <param name="prePush">The pre-push command: check's options, the commits from pre-commit or Git (<see cref="PrePushCommand"/>).</param>
        private static Command BuildCheck(TextWriter stdout, TextWriter stderr, bool prePush = false)
        {
            var command = prePush
                ? new Command("pre-push", "Check the commits being pushed, as Connect will clone them: run by pre-commit's pre-push stage (PRE_COMMIT_TO_REF) or as Git's pre-push hook (see install-hook). Takes check's options.")
                : new Command("check", "Check deployments: every directory holding a Connect manifest below PATH, or PATH itself; a file stands for the deployment it is in. Settings: [tool.connect-lint] in pyproject.toml (see --show-settings).\n\n" +
                  "Exit codes: 0 no problem at or above --fail-level, 1 problems found, 2 a usage error, a bad configuration or an internal error.");
            var paths = new Argument<string[]>(prePush ? "ARGS" : "PATH")
            {
                Arity = ArgumentArity.ZeroOrMore,
                Description = prePush ? "The pushed files (pre-commit), or the remote's name and URL (Git): passed by the caller." : "Files or directories (default: .).",
            };
            var python = PythonOption();
            var fix = new Option<bool>("--fix") { Description = "Apply safe fixes." };
            var unsafeFixes = new Option<bool>("--unsafe-fixes") { Description = "Apply unsafe fixes too (with --fix or --diff)." };
            var addNoqa = new Option<bool>("--add-noqa") { Description = "Write a '# noqa: CODE' comment for each current finding a Python or requirements line can hold." };
            var diff = new Option<bool>("--diff") { Description = "Show what --fix would change, change nothing; exit 1 if anything would change." };
            var select = new Option<string[]>("--select") { Description = "Only these rules (codes or prefixes, comma-separated)." };
            var ignore = new Option<string[]>("--ignore") { Description = "Skip these rules (codes or prefixes, comma-separated)." };
            var extendSelect = new Option<string[]>("--extend-select") { Description = "Also these rules, on top of select's (codes or prefixes, comma-separated)." };
            var config = new Option<string>("--config") { Description = "Read [tool.connect-lint] from this file for every deployment, instead of the nearest pyproject.toml." };
            var cacheDir = CacheDirOption();
            var exclude = ExcludeOption();
            var exitZero = new Option<bool>("--exit-zero") { Description = "Exit 0 even when problems are found." };
            var format = new Option<string>("--output-format", "--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong(ReportFormats.All);
            var statistics = new Option<bool>("--statistics") { Description = "Print how many problems each rule found instead of the problems (text or json)." };
            var showFixes = new Option<bool>("--show-fixes") { Description = "After the report, list what --fix settled (or, without --fix, would settle) per file and rule." };
            var quiet = new Option<bool>("--quiet", "-q") { Description = "Print the problems and nothing else (no summary, no notices)." };
            var verbose = new Option<bool>("--verbose", "-v") { Description = "Also say per deployment how many files and rules were checked, and how long it took." };
            var watch = new Option<bool>("--watch") { Description = "Check again whenever a file of a deployment changes, until interrupted (a warm Python makes re-checks fast)." };
            var output = new Option<string>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
            var pythonHost = HostOption();
            var importTimeout = TimeoutOption();
            var noPython = NoPythonOption();
            var noCache = NoCacheOption();
            var failLevel = new Option<string>("--fail-level") { Description = "Lowest severity that makes the exit code 1.", DefaultValueFactory = _ => "warning" };
            failLevel.AcceptOnlyFromAmong("error", "warning", "note");
            var rehearse = new Option<string>("--rehearse")
            {
                Description = "Act out Connect's deploy before the push: a fresh environment from the requirements (pip), the import, then one GET to every parameterless route under a /content/<id> prefix; --rehearse=import stops after the import. Environments are cached (--no-cache: a throwaway one).",
                Arity = ArgumentArity.ZeroOrOne,
            };
            rehearse.AcceptOnlyFromAmong("full", "import");
            var installTimeout = new Option<double>("--install-timeout") { Description = "Seconds the rehearsal's pip install may take.", DefaultValueFactory = _ => Settings.SettingsResolver.DefaultInstallTimeoutSeconds };
            var revision = new Option<string>("--rev")
            {
                Description = "Check a commit as Connect clones it (HEAD, origin/main, a SHA), not the work tree: its files are read from Git, untouched by the work tree and the index; without a value, [tool.connect-lint] branch, else HEAD.",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var showSettings = new Option<bool>("--show-settings") { Description = "Print each deployment's resolved settings and where each came from ([tool.connect-lint] in pyproject.toml, the command line, defaults); check nothing." };
            foreach (var option in new Option[] { python, pythonHost, importTimeout, noPython, noCache, cacheDir, rehearse, installTimeout, revision, fix, unsafeFixes, diff, addNoqa, select, extendSelect, ignore, exclude, config, exitZero, format, output, failLevel, statistics, showFixes, quiet, verbose, watch, showSettings })
            {
                command.Options.Add(option);
            }

            command.Arguments.Add(paths);
            command.SetAction(result =>
            {
                UseCacheDir(result, cacheDir);
                SeverityNames.TryParse(result.GetValue(failLevel)!, out var level);
                var options = new CheckOptions
                {
                    Paths = result.GetValue(paths) ?? [],
                    Fix = result.GetValue(fix),
                    UnsafeFixes = result.GetValue(unsafeFixes),
                    Diff = result.GetValue(diff),
                    AddNoqa = result.GetValue(addNoqa),
                    ExitZero = result.GetValue(exitZero),
                    Format = result.GetValue(format)!,
                    Statistics = result.GetValue(statistics),
                    ShowFixes = result.GetValue(showFixes),
                    Quiet = result.GetValue(quiet),
                    Verbose = result.GetValue(verbose),
                    Watch = result.GetValue(watch),
                    Output = ReportFile.Validate(result.GetValue(output)),
                    FailLevel = level,
                    ShowSettings = result.GetValue(showSettings),
                    Revision = result.GetResult(revision) is null ? null : result.GetValue(revision) ?? string.Empty,
                    Settings = AnalysisSettings(result, python, pythonHost, importTimeout, noPython, select, ignore, exclude, noCache: noCache) with
                    {
                        ExtendSelect = result.GetValue(extendSelect) ?? [],
                        ConfigFile = result.GetValue(config),
                        Rehearse = result.GetResult(rehearse) is null ? null : Rehearsal.RehearsalModes.Parse(result.GetValue(rehearse)),
                        InstallTimeoutSeconds = InstallTimeout(result, installTimeout),
                    },
                };
                return prePush ? PrePushCommand.Run(options, Console.In, stdout, stderr) : CheckCommand.Run(options, stdout, stderr);
            });
            return command;
        }

        private static Command BuildInspect(TextWriter stdout, TextWriter stderr)
        {
            var command = new Command("inspect", "Import the app as Connect does and show what it is: interpreter, entrypoint, blueprints, routes.");
            var directory = new Argument<string>("DIR") { Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => ".", Description = "The deployment directory." };
            var entrypoint = new Option<string>("--entrypoint", "-e") { Description = "Try this module:object instead of the manifest's." };
            var python = PythonOption();
            var host = HostOption();
            var timeout = TimeoutOption();
            var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var noCache = NoCacheOption();
            var cacheDir = CacheDirOption();
            command.Arguments.Add(directory);
            foreach (var option in new Option[] { entrypoint, python, host, timeout, format, noCache, cacheDir })
            {
                command.Options.Add(option);
            }

            command.SetAction(result =>
            {
                UseCacheDir(result, cacheDir);
                return InspectCommand.Run(
                    result.GetValue(directory)!,
                    AnalysisSettings(result, python, host, timeout, entrypoint: entrypoint, noCache: noCache),
                    result.GetValue(format)!,
                    stdout,
                    stderr);
            });
            return command;
        }

        private static Command BuildWriteManifest(TextWriter stderr)
        {
            var command = new Command("write-manifest", "Write manifest.json as 'rsconnect write-manifest api' does (same bytes, same flags).\n\n" +
                "Exit codes, rsconnect's: 0 written, 1 refused (a manifest that exists, no requirements file, no module to choose), 2 a usage error.");
            var directory = new Argument<string>("DIR") { Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => ".", Description = "The deployment directory." };
            var extraFiles = new Argument<string[]>("EXTRA_FILES") { Arity = ArgumentArity.ZeroOrMore, Description = "Files to list even if --exclude leaves them out (inside DIR)." };
            var entrypoint = new Option<string>("--entrypoint", "-e") { Description = "module:object (default: inferred like rsconnect; an existing valid one is kept)." };
            var overwrite = new Option<bool>("--overwrite", "-o") { Description = "Regenerate an existing manifest.json, keeping fields it does not derive." };
            var python = PythonOption();
            python.Aliases.Add("-p");
            var exclude = ExcludeOption();
            var forceGenerate = new Option<bool>("--force-generate", "-g") { Description = "Write the requirements file from the interpreter's pip freeze (a missing one is refused without -g)." };
            var overridePython = new Option<string>("--override-python-version") { Description = "Write this Python version (3.x or 3.x.y) and require it (environment.python.requires)." };
            overridePython.Validators.Add(result =>
            {
                if (result.Tokens.Count > 0 && PythonVersionOption.Normalize(result.Tokens[0].Value) is null)
                {
                    result.AddError($"--override-python-version '{result.Tokens[0].Value}': not a Python version; expected 3.x or 3.x.y");
                }
            });
            var packageInstaller = new Option<string>("--package-installer") { Description = "pip or uv: the installer Connect uses for this bundle (python.package_manager.allow_uv)." };
            packageInstaller.AcceptOnlyFromAmong("pip", "uv");
            var excludeRenv = new Option<bool>("--exclude-renv") { Description = "Do not read renv.lock (never read here: a Flask API lists no R packages)." };
            var requirementsFile = new Option<string>("--requirements-file", "-r") { Description = "The requirements file, relative to DIR (default: requirements.txt)." };
            var image = new Option<string>("--image", "-I") { Description = "Target image for Connect's off-host execution (environment.image)." };
            var disableEnvironment = new Option<bool>("--disable-env-management") { Description = "Connect neither makes an environment nor installs packages (Python and R)." };
            var disablePython = new Option<bool>("--disable-env-management-py") { Description = "Connect does not make a Python environment or install packages." };
            var disableR = new Option<bool>("--disable-env-management-r") { Description = "Connect does not make an R environment." };
            var verbose = new Option<bool>("--verbose", "-v") { Description = "List every file written into the manifest." };
            command.Arguments.Add(directory);
            command.Arguments.Add(extraFiles);
            foreach (var option in new Option[] { overwrite, entrypoint, exclude, python, overridePython, forceGenerate, requirementsFile, packageInstaller, verbose, image, disableEnvironment, disablePython, disableR, excludeRenv })
            {
                command.Options.Add(option);
            }

            command.SetAction(result =>
            {
                var all = result.GetValue(disableEnvironment);
                var installer = result.GetValue(packageInstaller);
                return WriteManifestCommand.Run(new WriteManifestOptions
                {
                    Directory = result.GetValue(directory)!,
                    ExtraFiles = result.GetValue(extraFiles) ?? [],
                    Entrypoint = result.GetValue(entrypoint),
                    Overwrite = result.GetValue(overwrite),
                    Python = result.GetValue(python),
                    Exclude = result.GetValue(exclude) ?? [],
                    ForceGenerate = result.GetValue(forceGenerate),
                    RequirementsFile = result.GetValue(requirementsFile),
                    Verbose = result.GetValue(verbose),
                    ExcludeRenv = result.GetValue(excludeRenv),
                    // rsconnect writes only what was said: false when disabled, nothing otherwise.
                    Environment = new Rules.Model.Manifest.ManifestChoices(
                        result.GetValue(image),
                        all || result.GetValue(disablePython) ? false : null,
                        all || result.GetValue(disableR) ? false : null)
                    {
                        PythonVersion = PythonVersionOption.Normalize(result.GetValue(overridePython)),
                        AllowUv = installer is null ? null : installer == "uv",
                    },
                    PackageInstaller = installer,
                }, stderr);
            });
            return command;
        }
    }
}
