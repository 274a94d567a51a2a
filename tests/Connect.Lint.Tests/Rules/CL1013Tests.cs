using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1013Tests
{
    [Fact]
    public void Fires_OnAWebAppManifest() =>
        Fires("CL1013", TestDeployment.FlaskApp().Manifest("[|{|]\"name\": \"My PWA\", \"short_name\": \"pwa\", \"start_url\": \"/\", \"icons\": []}"));

    [Fact]
    public void IsQuiet_ForAConnectManifest() =>
        IsQuiet("CL1013", TestDeployment.FlaskApp().CurrentManifest());
}
