using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL4003Tests
{
    private const string Pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";

    [Fact]
    public void Fires_OnAFileGitStoresWithLfs() =>
        Fires("CL4003", TestDeployment.FlaskApp().File("model.bin", "binary").StoredWithLfs("model.bin"), WholeFile("model.bin"));

    [Fact]
    public void Fires_OnAnLfsPointerByItsContent_WithoutGit() =>
        Fires("CL4003", TestDeployment.FlaskApp().File("data/big.csv", Pointer), WholeFile("data/big.csv"));

    [Fact]
    public void IsQuiet_ForOrdinaryFiles() =>
        IsQuiet("CL4003", TestDeployment.FlaskApp().File("data/small.csv", "id\n1\n").Tracked("app.py", "data/small.csv"));
}
