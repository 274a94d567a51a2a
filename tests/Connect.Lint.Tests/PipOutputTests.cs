using Connect.Lint.Rehearsal;
using Connect.Lint.Rules.Model.Rehearsal;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>pip's failure output, as pip 23 prints it, read into the requirements it could not install.</summary>
public sealed class PipOutputTests
{
    [Fact]
    public void SourceDistributionThatDoesNotBuild_NamesThePackageAndItsLastLine()
    {
        const string stdout = "Looking in links: /wh\nProcessing /wh/Flask-2.2.2-py3-none-any.whl\nProcessing /wh/brokenpkg-1.0.tar.gz\n  Preparing metadata (setup.py): started\n  Preparing metadata (setup.py): finished with status 'error'\n";
        const string stderr = "  error: subprocess-exited-with-error\n  \n  × python setup.py egg_info did not run successfully.\n  │ exit code: 1\n  ╰─> [1 lines of output]\n      brokenpkg needs libfoo-dev: not found\n      [end of output]\n  \n  note: This error originates from a subprocess, and is likely not a problem with pip.\nerror: metadata-generation-failed\n";

        var problem = Assert.Single(PipOutput.Problems(stdout, stderr));

        Assert.Equal(new InstallProblem(InstallProblemKind.BuildFailed, "brokenpkg", null, null, "it does not build: brokenpkg needs libfoo-dev: not found"), problem);
    }

    [Fact]
    public void RequirementNamedByItsLine_KeepsTheLine()
    {
        const string stderr = "ERROR: Could not find a version that satisfies the requirement nosuch==1.0 (from -r requirements.txt (line 4)) (from versions: none)\nERROR: No matching distribution found for nosuch==1.0\n";

        var problem = Assert.Single(PipOutput.Problems(string.Empty, stderr));

        Assert.Equal(new InstallProblem(InstallProblemKind.NotAvailable, "nosuch", "requirements.txt", 4, "no version of nosuch is available from the package index pip uses"), problem);
    }

    [Fact]
    public void ConflictWithARangeSpecifier_DoesNotSplitTheSpecifierIntoARequirement()
    {
        const string stderr = "ERROR: Cannot install flask>=2,<3 and werkzeug==1.0 because these package versions have conflicting dependencies.\n";

        var problems = PipOutput.Problems(string.Empty, stderr);

        Assert.Equal(["flask", "werkzeug"], problems.Select(p => p.Distribution));
    }

    [Fact]
    public void AnythingElse_IsPipsLastErrorLine()
    {
        var problem = Assert.Single(PipOutput.Problems(string.Empty, "ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE.\n"));

        Assert.Equal(InstallProblemKind.Other, problem.Kind);
        Assert.Equal("pip says THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE.", problem.Reason);
    }

    [Theory]
    [InlineData(".", "ERROR: Directory '.' is not installable. Neither 'setup.py' nor 'pyproject.toml' found.\n", "Directory '.' is not installable.")]
    [InlineData("./vendor/x-1.0-py3-none-any.whl", "WARNING: Requirement './vendor/x-1.0-py3-none-any.whl' looks like a filename, but the file does not exist\nERROR: Could not install packages due to an OSError: [Errno 2] No such file or directory: './vendor/x-1.0-py3-none-any.whl'\n", "Could not install packages due to an OSError: [Errno 2] No such file or directory: './vendor/x-1.0-py3-none-any.whl'")]
    [InlineData("file:///home/conda/feedstock_root/work", "ERROR: Could not install packages due to an OSError: [Errno 2] No such file or directory: '/home/conda/feedstock_root/work'\n", "Could not install packages due to an OSError: [Errno 2] No such file or directory: '/home/conda/feedstock_root/work'")]
    [InlineData("./libs/shared", "ERROR: ./libs/shared is not a valid editable requirement. It should either be a path to a local project or a VCS URL (beginning with bzr+http, git+https).\n", "./libs/shared is not a valid editable requirement.")]
    [InlineData("/abs/nope.whl", "WARNING: Requirement '/abs/nope.whl' looks like a filename, but the file does not exist\nERROR: nope.whl is not a valid wheel filename.\n", "nope.whl is not a valid wheel filename.")]
    public void LocalPathPipCannotFind_IsPlacedAtTheLineThatNamesIt(string path, string stderr, string pipSays)
    {
        LocalPathLine[] localPaths = [new("requirements.txt", 2, "./elsewhere"), new("requirements.txt", 3, path)];

        var problem = Assert.Single(PipOutput.Problems("Looking in links: /wh\n", stderr, localPaths));

        Assert.Equal(new InstallProblem(InstallProblemKind.LocalPath, null, "requirements.txt", 3,
            $"it names a local path, which is not there when the requirements are installed on their own, as Connect installs them (pip: {pipSays})"), problem);
    }

    [Fact]
    public void ErrorThatNamesNoLocalPath_IsNotBlamedOnOne()
    {
        const string stderr = "ERROR: Could not find a version that satisfies the requirement nosuch==1.0 (from -r requirements.txt (line 4)) (from versions: none)\n";

        var problem = Assert.Single(PipOutput.Problems(string.Empty, stderr, [new LocalPathLine("requirements.txt", 2, ".")]));

        Assert.Equal(InstallProblemKind.NotAvailable, problem.Kind);
    }
    private const string NotFound = "ERROR: Could not find a version that satisfies the requirement flask==2.2.2 (from versions: none)\nERROR: No matching distribution found for flask==2.2.2\n";

    [Fact]
    public void AProxyThatRefuses_IsThisMachinesIndex_NotAMissingVersion()
    {
        var stderr = "WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 403 Forbidden'))': /simple/flask/\n" + NotFound;

        var problem = Assert.Single(PipReach.Read(stderr, "flask==2.2.2\n").Attribute(PipOutput.Problems(string.Empty, stderr)));

        Assert.False(problem.IsConnects);
        Assert.Equal("pip could not reach https://pypi.org/simple from this machine (the proxy refused or could not be reached), so whether flask installs on Connect is unknown", problem.Reason);
    }

    [Fact]
    public void AVersionTheDefaultIndexDoesNotHave_IsConnectsProblem()
    {
        var problem = Assert.Single(PipReach.Read(NotFound, "flask==2.2.2\n").Attribute(PipOutput.Problems(string.Empty, NotFound)));

        Assert.True(problem.IsConnects);
        Assert.Equal(InstallProblemKind.NotAvailable, problem.Kind);
    }

    [Theory]
    [InlineData("flask==2.2.2\n", false)]
    [InlineData("--index-url https://pkgs.example.com/simple\nflask==2.2.2\n", true)]
    public void APrivateIndex_IsConnectsOnlyWhenTheRequirementsNameIt(string requirements, bool connects)
    {
        var output = "Looking in indexes: https://pkgs.example.com/simple\n" + NotFound;

        var problem = Assert.Single(PipReach.Read(output, requirements).Attribute(PipOutput.Problems(string.Empty, output)));

        Assert.Equal(connects, problem.IsConnects);
        if (!connects)
        {
            Assert.Equal("flask is not in https://pkgs.example.com/simple, where this machine's pip configuration points; Connect installs from its own package index", problem.Reason);
        }
    }
}
