using System.Text;
using System.Xml;

namespace Connect.Lint.Reporting;

/// <summary>
/// JUnit XML for CI test-report views (GitLab, Jenkins, Azure): a test suite per file with problems, a failed test
/// case per diagnostic; with no problems, one passing case per deployment, so the report is never empty. Every value
/// is written through <see cref="Xml"/>: a file name may hold any code point, and XML 1.0 forbids many.
/// </summary>
public static class JUnitReporter
{
    public static string Render(CheckResult result)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(new StringWriter(builder), settings))
        {
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", "connect-lint");
            writer.WriteAttributeString("tests", Math.Max(result.Diagnostics.Count, result.Deployments.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteAttributeString("failures", result.Diagnostics.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (result.Diagnostics.Count == 0)
            {
                writer.WriteStartElement("testsuite");
                writer.WriteAttributeString("name", "connect-lint");
                writer.WriteAttributeString("tests", result.Deployments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteAttributeString("failures", "0");
                foreach (var deployment in result.Deployments)
                {
                    writer.WriteStartElement("testcase");
                    writer.WriteAttributeString("name", "connect-lint");
                    writer.WriteAttributeString("classname", Xml(DisplayPath.Of(deployment.Directory)));
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            foreach (var file in result.Diagnostics.GroupBy(d => Xml(DisplayPath.Of(d.Location.FilePath))))
            {
                writer.WriteStartElement("testsuite");
                writer.WriteAttributeString("name", file.Key);
                writer.WriteAttributeString("tests", file.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteAttributeString("failures", file.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var diagnostic in file)
                {
                    var location = diagnostic.Location;
                    writer.WriteStartElement("testcase");
                    writer.WriteAttributeString("name", $"{diagnostic.Id} {diagnostic.Descriptor.Name}");
                    writer.WriteAttributeString("classname", file.Key);
                    writer.WriteAttributeString("file", file.Key);
                    writer.WriteAttributeString("line", Math.Max(location.Line, 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteStartElement("failure");
                    writer.WriteAttributeString("message", Xml(diagnostic.Message));
                    writer.WriteAttributeString("type", diagnostic.Id);
                    writer.WriteString(Xml(TextReporter.FormatLine(diagnostic)));
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    /// <summary>A value XML 1.0 can hold: control characters, lone surrogates and U+FFFE/U+FFFF become visible \uXXXX escapes.</summary>
    private static string Xml(string value) => Output.OutputSafety.Escape(value);
}
