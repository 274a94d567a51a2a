namespace Connect.Lint.Rules.Model.Manifest;

/// <summary>The appmode names Connect knows (rsconnect-python's list).</summary>
public static class AppModes
{
    public const string PythonApi = "python-api";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "unknown", "shiny", "rmd-shiny", "rmd-static", "static", "api", "tensorflow-saved-model",
        "jupyter-static", "python-api", "python-dash", "python-streamlit", "python-bokeh", "python-fastapi",
        "quarto-shiny", "quarto-static", "python-shiny", "jupyter-voila", "python-gradio", "python-panel", "nodejs",
    };
}
