using Connect.Lint.Rules.Model;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL9005Tests
{
    [Fact]
    public void Fires_OnAFileLeftOutAtALimit() =>
        Fires("CL9005", TestDeployment.FlaskApp().With(d => d with
        {
            UnreadFiles = [new UnreadFile("big.py", "larger than 1 MiB", "it was not scanned", UnreadKind.Limit)],
        }), WholeFile("big.py"));

    [Fact]
    public void IsQuiet_WhenEverythingWasRead() =>
        IsQuiet("CL9005", TestDeployment.FlaskApp());
}
