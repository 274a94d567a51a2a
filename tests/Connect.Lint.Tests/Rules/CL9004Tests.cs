using Connect.Lint.Rules.Model;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL9004Tests
{
    [Fact]
    public void Fires_OnAFileThePolicyRefused() =>
        Assert.Equal("data/pipe was not read: a FIFO, not a regular file; its checksum was not checked",
            Assert.Single(Fires("CL9004", TestDeployment.FlaskApp().With(d => d with
            {
                UnreadFiles = [new UnreadFile("data/pipe", "a FIFO, not a regular file", "its checksum was not checked", UnreadKind.Refused)],
            }), WholeFile("data/pipe"))).Message);

    [Fact]
    public void IsQuiet_ForALimit_ThatIsCL9005s() =>
        IsQuiet("CL9004", TestDeployment.FlaskApp().With(d => d with
        {
            UnreadFiles = [new UnreadFile("big.py", "larger than 1 MiB", "it was not scanned", UnreadKind.Limit)],
        }));
}
