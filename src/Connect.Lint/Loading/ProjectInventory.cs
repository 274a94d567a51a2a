using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Loading;

/// <summary>The deployment as known before its files are read: what early fact providers start from.</summary>
public sealed record ProjectInventory(string Directory, FileAccessPolicy Policy, ManifestLoad ManifestLoad, IReadOnlyList<string> Files)
{
    /// <summary>The manifest when it is Connect's; null when missing, broken or another tool's.</summary>
    public ConnectManifest? Manifest => ManifestLoad.Manifest is { IsConnectManifest: true } manifest ? manifest : null;
}

/// <summary>Facts being gathered while the files are read, and what a person is told while they are awaited (what is still running).</summary>
public sealed record FactsInFlight(Task<DeploymentFacts> Facts, Func<string> Activity);
