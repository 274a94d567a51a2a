using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL5004Tests
{
    [Fact]
    public void Fires_OnADatabaseUrlWithAPassword_AndACloudKey() =>
        Fires("CL5004", TestDeployment.FlaskApp(appPy: "DB = \"[|postgresql://app:hunter2hunter2@db.internal/app|]\"\nKEY = \"[|AKIAIOSFODNN7EXAMPLE|]\"\n"));

    [Fact]
    public void Fires_InConfigurationFiles() =>
        Fires("CL5004", TestDeployment.FlaskApp().File("config.yaml", "db: [|mysql://root:toor1234@localhost/app|]\n"));

    [Fact]
    public void IsQuiet_ForPlaceholders_AndInTheManifestAndRequirements() =>
        IsQuiet("CL5004", TestDeployment.FlaskApp(appPy: "DB = \"postgresql://app:${DB_PASSWORD}@db/app\"\n", requirements: "flask==3.0.3\n").CurrentManifest());
}
