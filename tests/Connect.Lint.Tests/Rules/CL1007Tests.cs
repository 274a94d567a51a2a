using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1007Tests
{
    private const string OldApp = "from flask import Flask\napp = Flask('old')\n";

    [Fact]
    public void Fires_OnTheChecksumOfAFileThatChanged_AndTheFixWritesTheCurrentOne()
    {
        var current = TestDeployment.FlaskApp().CurrentManifest().TextOf("manifest.json");
        var stale = TestDeployment.FlaskApp(appPy: OldApp).CurrentManifest().TextOf("manifest.json");
        var oldChecksum = Connect.Lint.Rules.Model.Md5.HexOf(System.Text.Encoding.UTF8.GetBytes(OldApp));
        var project = TestDeployment.FlaskApp().Manifest(stale.Replace($"\"{oldChecksum}\"", $"[|\"{oldChecksum}\"|]"));

        var diagnostic = Assert.Single(Fires("CL1007", project));
        Assert.StartsWith($"'app.py' changed since manifest.json was written (listed {oldChecksum[..8]}…", diagnostic.Message);
        Assert.Equal(current, ApplyFixes("CL1007", project)["manifest.json"]);
    }

    [Fact]
    public void IsQuiet_WhenOnlyLineEndingsDiffer()
    {
        var crlf = TestDeployment.FlaskApp(appPy: "from flask import Flask\r\napp = Flask(__name__)\r\n").CurrentManifest().TextOf("manifest.json");
        var project = TestDeployment.FlaskApp().Manifest(crlf).With(d => d with
        {
            Files = d.Files.ToDictionary(f => f.Key, f => f.Key == "app.py"
                ? f.Value with { AlternateChecksums = [Connect.Lint.Rules.Model.Md5.HexOf(System.Text.Encoding.UTF8.GetBytes("from flask import Flask\r\napp = Flask(__name__)\r\n"))] }
                : f.Value),
        });

        IsQuiet("CL1007", project);
    }

    [Fact]
    public void IsQuiet_WhenAPathListedTwiceHasTheCurrentChecksumLast_AsPythonsJsonReadsIt()
    {
        var current = TestDeployment.FlaskApp().CurrentManifest().TextOf("manifest.json");
        var oldChecksum = Connect.Lint.Rules.Model.Md5.HexOf(System.Text.Encoding.UTF8.GetBytes(OldApp));
        // A merge left the old entry above the current one: Connect (Python's json) reads the last.
        var merged = current.Replace("\"app.py\": {", $"\"app.py\": {{\n      \"checksum\": \"{oldChecksum}\"\n    }},\n    \"app.py\": {{", StringComparison.Ordinal);
        Assert.Contains(oldChecksum, merged);

        IsQuiet("CL1007", TestDeployment.FlaskApp().Manifest(merged));
    }

    [Fact]
    public void IsQuiet_WhenNothingChanged() =>
        IsQuiet("CL1007", TestDeployment.FlaskApp().CurrentManifest());
}
