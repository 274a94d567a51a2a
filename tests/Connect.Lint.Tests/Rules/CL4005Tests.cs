using Connect.Lint.Rules.Model;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL4005Tests
{
    [Fact]
    public void Fires_OnceAtTheFirstChangedFile_NamingFiveThenACount() =>
        Assert.Equal(
            "7 files Connect would deploy differ from HEAD: a.py (modified), b.py (untracked), c.py (modified), d.py (modified), e.py (added) and 2 more; " +
            "this check describes the work tree, while Connect deploys the commit ('connect-lint check --rev HEAD' checks it)",
            Assert.Single(Fires("CL4005", TestDeployment.FlaskApp().Tracked("app.py").Changed("HEAD", false,
                    new("a.py", WorkTreeChangeKind.Modified), new("b.py", WorkTreeChangeKind.Untracked), new("c.py", WorkTreeChangeKind.Modified),
                    new("d.py", WorkTreeChangeKind.Modified), new("e.py", WorkTreeChangeKind.Added), new("f.py", WorkTreeChangeKind.Deleted), new("g.py", WorkTreeChangeKind.Modified)),
                WholeFile("a.py"))).Message);

    [Fact]
    public void OfACommit_SaysTheChangesAreNotInIt_AtTheCommitsFile() =>
        Assert.Contains("this check describes the commit, so the changes are not in it",
            Assert.Single(Fires("CL4005", TestDeployment.FlaskApp().Tracked("app.py").Changed("commit 1a2b3c4d5e6f (HEAD)", true,
                    new("new.py", WorkTreeChangeKind.Untracked), new("app.py", WorkTreeChangeKind.Modified)),
                WholeFile("app.py"))).Message);

    [Fact]
    public void ADeletionOnly_IsPlacedAtTheManifest() =>
        Assert.Single(Fires("CL4005", TestDeployment.FlaskApp().Tracked("app.py").Changed("HEAD", false, new WorkTreeChange("old.py", WorkTreeChangeKind.Deleted)),
            WholeFile("manifest.json")));

    [Fact]
    public void IsQuiet_WhenTheWorkTreeIsTheCommit() =>
        IsQuiet("CL4005", TestDeployment.FlaskApp().Tracked("app.py").Changed("HEAD", false));
}
