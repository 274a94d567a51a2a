using System.Runtime.InteropServices;

namespace Connect.Lint.Python;

/// <summary>
/// The embedded interpreter starts as `python -I` does in the process host: PYTHON* variables ignored, no user
/// site-packages, no bytecode written. pythonnet has no setting for it; CPython's global configuration flags (read by
/// Py_InitializeEx, deprecated since 3.12 but honoured) are set in the library before pythonnet initialises it.
/// </summary>
internal static class IsolatedMode
{
    private static readonly string[] Flags = ["Py_IsolatedFlag", "Py_IgnoreEnvironmentFlag", "Py_NoUserSiteDirectory", "Py_DontWriteBytecodeFlag"];

    public static void Set(string library)
    {
        var handle = NativeLibrary.Load(library);
        foreach (var flag in Flags)
        {
            if (NativeLibrary.TryGetExport(handle, flag, out var address))
            {
                Marshal.WriteInt32(address, 1);
            }
        }
    }
}
