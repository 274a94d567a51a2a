using Connect.Lint.Commands;
using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using SarifLocation = Microsoft.CodeAnalysis.Sarif.Location;

namespace Connect.Lint.Reporting;

/// <summary>
/// SARIF 2.1.0 for code scanning, built with the Sarif.Sdk object model: every rule in tool.driver.rules
/// (help from rules-docs), results with a level, a line-move-proof fingerprint and repository-relative URIs under
/// %SRCROOT% (whose local path is not written), regions with exclusive end columns, fixes only with real edits,
/// the interpreter per deployment in the invocation. Same input, same bytes.
/// </summary>
public static class SarifReporter
{
    private const string SourceRoot = "%SRCROOT%";

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Sarif and Newtonsoft.Json are kept whole in a trimmed build (TrimmerRootAssembly); a test compares the shipped build's SARIF with this one's byte for byte.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Newtonsoft.Json falls back to reflection without dynamic code; the same test holds it to the same bytes.")]
    public static string Render(CheckResult result, string toolVersion)
    {
        var root = RepositoryRoot.Find();
        var rules = RuleCatalog.All.Select(r => r.Descriptor).ToList();
        var ruleIndex = rules.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var fingerprints = new SarifFingerprints(root, result.Commit?.ContentOf);
        var localPaths = new LocalPaths(root);

        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = "connect-lint",
                    SemanticVersion = toolVersion,
                    Version = toolVersion,
                    InformationUri = new Uri("https://github.com/connect-lint/connect-lint"),
                    Rules = rules.Select(Describe).ToList(),
                },
            },
            // No uri: where the repository was checked out is the consumer's to know, and a local path in an
            // uploaded report says something about the machine it ran on.
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>
            {
                [SourceRoot] = new() { Description = new Message { Text = "The root of the repository that was checked." } },
            },
            Results = result.Diagnostics.Select(d => ToResult(d, ruleIndex[d.Id], root, fingerprints)).ToList(),
            Invocations =
            [
                new Invocation
                {
                    ExecutionSuccessful = result.ExitCode != 2,
                    ExitCode = result.ExitCode,
                    ToolExecutionNotifications = result.Deployments
                        .SelectMany(d => d.Notices.Select(n => new Notification
                        {
                            Level = FailureLevel.Note,
                            Message = new Message { Text = localPaths.Scrub($"{RepositoryRoot.RelativeUri(root, d.Directory)}: {n}") },
                        }))
                        .ToList(),
                },
            ],
            ColumnKind = ColumnKind.Utf16CodeUnits,
        };
        if (result.Commit is { } commit)
        {
            run.SetProperty("revision", commit.Sha);
            if (commit.RepositoryUri is { } repository)
            {
                run.VersionControlProvenance =
                [
                    new VersionControlDetails { RepositoryUri = new Uri(repository), RevisionId = commit.Sha, MappedTo = new ArtifactLocation { UriBaseId = SourceRoot } },
                ];
            }
        }

        // Dictionaries, not anonymous objects: serialised without reflection over compiler-made types (Native AOT).
        run.Invocations[0].SetProperty("deployments", result.Deployments.Select(d => new Dictionary<string, string?>
        {
            ["directory"] = RepositoryRoot.RelativeUri(root, d.Directory),
            ["interpreter"] = d.Interpreter is { } interpreter ? localPaths.Scrub(interpreter.Path) : null,
            ["interpreterReason"] = d.Interpreter?.Reason,
        }).ToList());

        var log = new SarifLog
        {
            Version = SarifVersion.Current,
            SchemaUri = new Uri("https://json.schemastore.org/sarif-2.1.0.json"),
            Runs = [run],
        };
        return WithEveryLevel(JsonConvert.SerializeObject(log, Formatting.Indented)) + "\n";
    }

    /// <summary>
    /// Sarif.Sdk leaves out a level equal to SARIF's default ("warning"); code scanning and some viewers read a
    /// missing level differently, so every result and rule states its own.
    /// </summary>
    private static string WithEveryLevel(string sarif)
    {
        var log = Newtonsoft.Json.Linq.JObject.Parse(sarif);
        foreach (var run in log["runs"]!)
        {
            foreach (var rule in (run["tool"]?["driver"]?["rules"] ?? Enumerable.Empty<Newtonsoft.Json.Linq.JToken>()).Cast<Newtonsoft.Json.Linq.JObject>())
            {
                if (rule["defaultConfiguration"] is Newtonsoft.Json.Linq.JObject configuration)
                {
                    if (configuration["level"] is null)
                    {
                        configuration.AddFirst(new Newtonsoft.Json.Linq.JProperty("level", "warning"));
                    }
                }
                else
                {
                    // All defaults (a warning, enabled): Sarif.Sdk leaves the whole object out.
                    var added = new Newtonsoft.Json.Linq.JProperty("defaultConfiguration", new Newtonsoft.Json.Linq.JObject(new Newtonsoft.Json.Linq.JProperty("level", "warning")));
                    if (rule.Property("helpUri") is { } helpUri)
                    {
                        helpUri.AddAfterSelf(added);
                    }
                    else
                    {
                        rule.Add(added);
                    }
                }
            }

            foreach (var result in run["results"] ?? Enumerable.Empty<Newtonsoft.Json.Linq.JToken>())
            {
                if (result["level"] is null)
                {
                    ((Newtonsoft.Json.Linq.JObject)result).Property("ruleIndex")!.AddAfterSelf(new Newtonsoft.Json.Linq.JProperty("level", "warning"));
                }
            }
        }

        return log.ToString(Formatting.Indented);
    }

    private static ReportingDescriptor Describe(DiagnosticDescriptor descriptor)
    {
        var page = Docs.RuleDocs.Page(descriptor.Id) ?? descriptor.Title;
        var rule = new ReportingDescriptor
        {
            Id = descriptor.Id,
            Name = ToPascal(descriptor.Name),
            ShortDescription = new MultiformatMessageString { Text = descriptor.Title },
            FullDescription = new MultiformatMessageString { Text = FirstSection(page) ?? descriptor.Title },
            Help = new MultiformatMessageString { Text = page, Markdown = page },
            HelpUri = new Uri(descriptor.HelpUri),
            DefaultConfiguration = new ReportingConfiguration { Level = Level(descriptor.DefaultSeverity), Enabled = descriptor.EnabledByDefault },
        };
        rule.SetProperty("tags", descriptor.Tags);
        rule.SetProperty("precision", descriptor.Precision);
        if (descriptor.SecuritySeverity is { } securitySeverity)
        {
            rule.SetProperty("security-severity", securitySeverity.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        }

        return rule;
    }

    private static Result ToResult(Diagnostic diagnostic, int index, string root, SarifFingerprints fingerprints)
    {
        var result = new Result
        {
            RuleId = diagnostic.Id,
            RuleIndex = index,
            Level = Level(diagnostic.Severity),
            Message = new Message { Text = diagnostic.Message },
            Locations = [new SarifLocation { PhysicalLocation = Physical(diagnostic.Location, root) }],
            PartialFingerprints = new Dictionary<string, string> { [SarifFingerprints.Key] = fingerprints.Next(diagnostic) },
        };
        if (diagnostic.Fix is { Edits.Count: > 0 } fix && fix.Edits.All(e => !e.CreatesFile))
        {
            result.Fixes =
            [
                new Microsoft.CodeAnalysis.Sarif.Fix
                {
                    Description = new Message { Text = fix.Title },
                    ArtifactChanges = fix.Edits.GroupBy(e => e.FilePath).Select(group => new ArtifactChange
                    {
                        ArtifactLocation = Artifact(group.Key, root),
                        Replacements = group.Select(e => new Replacement
                        {
                            DeletedRegion = Region(e.Range),
                            InsertedContent = new ArtifactContent { Text = e.NewText },
                        }).ToList(),
                    }).ToList(),
                },
            ];
        }

        return result;
    }

    private static PhysicalLocation Physical(Rules.Analysis.Location location, string root) => new()
    {
        ArtifactLocation = Artifact(location.FilePath, root),
        Region = location.HasRegion ? Region(location) : null,
    };

    private static ArtifactLocation Artifact(string path, string root) => new()
    {
        Uri = new Uri(RepositoryRoot.RelativeUri(root, path), UriKind.Relative),
        UriBaseId = SourceRoot,
    };

    /// <summary>SARIF regions: 1-based, endColumn exclusive; a whole line has no columns.</summary>
    private static Region Region(Rules.Analysis.Location location)
    {
        var region = new Region { StartLine = location.Line, EndLine = Math.Max(location.EndLine, location.Line) };
        if (location.HasColumns)
        {
            region.StartColumn = location.Column;
            region.EndColumn = location.EndLine == location.Line ? Math.Max(location.EndColumn, location.Column + 1) : Math.Max(location.EndColumn, 1);
        }

        return region;
    }

    private static FailureLevel Level(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        _ => FailureLevel.Note,
    };

    private static string? FirstSection(string page)
    {
        var start = page.IndexOf("## What it does\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += "## What it does\n".Length;
        var end = page.IndexOf("\n## ", start, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.Length : end)].Trim();
    }

    private static string ToPascal(string kebab) =>
        string.Concat(kebab.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
