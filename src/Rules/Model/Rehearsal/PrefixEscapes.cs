using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Model.Rehearsal;

/// <summary>A URL a served response carried that leaves Connect's path prefix, with the source text that wrote it.</summary>
public sealed record PrefixEscape(Location Location, ServedRoute Route, string What, string Url);

/// <summary>
/// The redirects and links of the rehearsal's responses that escape the prefix, each placed at the literal that wrote
/// it (a template's attribute, a redirect's string in the view) when the deployment's text shows one, else at the view.
/// One place is reported once, for the first route that showed it (a base layout's link reaches every page).
/// </summary>
public static class PrefixEscapes
{
    public static IReadOnlyList<PrefixEscape> Of(Deployment deployment)
    {
        var found = new List<PrefixEscape>();
        var seen = new HashSet<(string, int, int, string)>();
        foreach (var route in deployment.Rehearsal?.Served?.Routes ?? [])
        {
            var escapes = route.Links.Select(l => (What: l.Attribute, Url: l.Value, Location: Link(deployment, route, l)));
            if (route.Location is { } location)
            {
                escapes = escapes.Prepend(("redirect", location, Redirect(deployment, route, location)));
            }

            foreach (var (what, url, place) in escapes)
            {
                if (seen.Add((place.FilePath, place.Line, place.Column, url)))
                {
                    found.Add(new PrefixEscape(place, route, what, url));
                }
            }
        }

        return found;
    }

    /// <summary>A template (then any text file) with the attribute and its value as written.</summary>
    private static Location Link(Deployment deployment, ServedRoute route, EscapingLink link)
    {
        var candidates = deployment.TextFiles.OrderBy(f => f.Kind == TextFileKind.Template ? 0 : f.Kind == TextFileKind.Python ? 1 : 2);
        foreach (var file in candidates)
        {
            foreach (var quote in new[] { '"', '\'' })
            {
                var index = IndexOfAttribute(file.Text, link.Attribute, quote + link.Value + quote);
                if (index >= 0)
                {
                    return file.Source.LocationOf(index + 1, index + 1 + link.Value.Length);
                }
            }
        }

        return View(deployment, route);
    }

    private static int IndexOfAttribute(string text, string attribute, string quotedValue)
    {
        for (var at = text.IndexOf(quotedValue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quotedValue, at + 1, StringComparison.Ordinal))
        {
            var before = text[..at].TrimEnd();
            if (before.EndsWith('=') && before[..^1].TrimEnd().EndsWith(attribute, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The redirect's string in the view's file, at or after the view's first line; else the view.</summary>
    private static Location Redirect(Deployment deployment, ServedRoute route, string url)
    {
        if (route.Where is { } view && deployment.TextFiles.FirstOrDefault(f => f.RelativePath == view.File) is { } file)
        {
            var from = file.Source.OffsetOf(view.Line, 1);
            foreach (var quote in new[] { '"', '\'' })
            {
                var index = file.Text.IndexOf(quote + url + quote, from, StringComparison.Ordinal);
                if (index >= 0)
                {
                    return file.Source.LocationOf(index, index + url.Length + 2);
                }
            }
        }

        return View(deployment, route);
    }

    private static Location View(Deployment deployment, ServedRoute route) =>
        route.Where is { } view ? Location.LineOnly(deployment.FullPath(view.File), view.Line) : PythonLocations.Entrypoint(deployment);
}
