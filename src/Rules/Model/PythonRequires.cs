namespace Connect.Lint.Rules.Model;

/// <summary>
/// rsconnect's reading of a Python version requirement: a bare "3.11" becomes "~=3.11.0", "3.11.4" becomes
/// "==3.11.4", a specifier ("&gt;=3.9") is kept; implementations and pre-releases are refused.
/// </summary>
public static class PythonRequires
{
    public static string? Adapt(string requirement, out string? problem)
    {
        problem = null;
        var adapted = new List<string>();
        foreach (var raw in requirement.Split(','))
        {
            var constraint = raw.Trim();
            if (constraint.Length == 0)
            {
                continue;
            }

            if (constraint.Contains('@') || constraint.Contains('-') || constraint.Contains('/'))
            {
                problem = $"python specific implementations are not supported: {constraint}";
                return null;
            }

            if (constraint.Contains('b') || constraint.Contains("rc", StringComparison.Ordinal) || constraint.Contains('a'))
            {
                problem = $"pre-release versions are not supported: {constraint}";
                return null;
            }

            if (char.IsAsciiDigit(constraint[0]))
            {
                adapted.Add(constraint.Count(c => c == '.') == 1
                    ? "~=" + constraint.TrimEnd('*').TrimEnd('.') + ".0"
                    : "==" + constraint);
            }
            else
            {
                adapted.Add(constraint);
            }
        }

        return adapted.Count == 0 ? null : string.Join(',', adapted);
    }
}
