using Connect.Lint.Loading;

namespace Connect.Lint.Reporting;

/// <summary>
/// The --output file, checked before any work: a report that cannot be written must not cost a whole check
/// first. It must name a file (not a directory, a FIFO or a device) in a directory that exists.
/// </summary>
public static class ReportFile
{
    public static string? Validate(string? output)
    {
        if (output is null)
        {
            return null;
        }

        if (output.Trim().Length == 0)
        {
            throw new UsageException("--output: the file name is empty");
        }

        var full = StartDirectory.FullPathOf(output);
        var shown = Output.OutputSafety.Escape(output);
        switch (FileKinds.Of(full))
        {
            case FileKind.Directory:
                throw new UsageException($"--output {shown}: is a directory; name a file");
            case FileKind.Special:
                throw new UsageException($"--output {shown}: is not a regular file (a FIFO, socket or device); name a file");
        }

        var parent = Path.GetDirectoryName(full);
        if (parent is null || FileKinds.Of(parent) != FileKind.Directory)
        {
            throw new UsageException($"--output {shown}: its directory does not exist");
        }

        return full;
    }
}
