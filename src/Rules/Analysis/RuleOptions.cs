namespace Connect.Lint.Rules.Analysis;

/// <summary>The settings a rule answers to: those its needs bring (a rule that imports the app answers to --python) and its own.</summary>
public static class RuleOptions
{
    public static IReadOnlyList<string> For(RuleNeeds needs, IReadOnlyList<string> own)
    {
        var options = new List<string>();
        if (needs.HasFlag(RuleNeeds.Rehearsal))
        {
            // Off unless asked for; its environment comes from the interpreter and pip's own configuration.
            options.AddRange(["--rehearse", "[tool.connect-lint] rehearse", "--python", "[tool.connect-lint] python", "--install-timeout", "--import-timeout", "--no-cache", "PIP_* environment variables and pip.conf"]);
        }

        if (needs.HasFlag(RuleNeeds.PythonImport))
        {
            options.AddRange(["--python", "--python-host", "--import-timeout", "[tool.connect-lint] python", "[tool.connect-lint] vars"]);
        }
        else if (needs.HasFlag(RuleNeeds.InstalledPackages) || needs.HasFlag(RuleNeeds.InterpreterVersions))
        {
            options.AddRange(["--python", "[tool.connect-lint] python"]);
        }

        options.AddRange(own);
        return options.Distinct(StringComparer.Ordinal).ToList();
    }
}
