using System.Runtime.InteropServices;
using System.Text;

namespace Connect.Lint.Python;

/// <summary>
/// A thin binding to a shared libpython (3.8–3.13): loaded with RTLD_GLOBAL so that C extension modules
/// find its symbols, initialised once, isolated, with the project's python as program name (so a venv's
/// site-packages are used), GIL released after start-up. Errors are never printed by Python (no PyErr_Print).
/// </summary>
internal sealed unsafe class LibPython
{
    private const int RtldNow = 2;
    private const int RtldGlobal = 0x100;
    private const int PyFileInput = 257;

    // PyConfig is not in the stable ABI: its size and the offset of program_name, per MAJOR.MINOR.
    private static readonly Dictionary<string, (int Size, int ProgramName)> ConfigLayouts = new()
    {
        ["3.8"] = (360, 112), ["3.9"] = (392, 112), ["3.10"] = (392, 240),
        ["3.11"] = (424, 264), ["3.12"] = (432, 272), ["3.13"] = (448, 280),
    };

    [StructLayout(LayoutKind.Sequential)]
    private struct PyStatus
    {
        public int Type;
        public IntPtr Func;
        public IntPtr ErrorMessage;
        public int ExitCode;
    }

    private readonly delegate* unmanaged<int> _gilEnsure;
    private readonly delegate* unmanaged<int, void> _gilRelease;
    private readonly delegate* unmanaged<byte*, int, IntPtr, IntPtr, IntPtr> _runString;
    private readonly delegate* unmanaged<IntPtr> _newDict;
    private readonly delegate* unmanaged<IntPtr, void> _decRef;
    private readonly delegate* unmanaged<void> _errClear;

    private LibPython(IntPtr handle, string programName, string libraryPath)
    {
        ProgramName = programName;
        LibraryPath = libraryPath;
        var getVersion = (delegate* unmanaged<IntPtr>)Export(handle, "Py_GetVersion");
        var version = Marshal.PtrToStringUTF8(getVersion()) ?? string.Empty;
        var majorMinor = string.Join('.', version.Split(' ')[0].Split('.').Take(2));
        if (!ConfigLayouts.TryGetValue(majorMinor, out var layout))
        {
            throw new NotSupportedException($"Python {majorMinor} is not supported by the embedded host (3.8–3.13)");
        }

        var initIsolated = (delegate* unmanaged<IntPtr, void>)Export(handle, "PyConfig_InitIsolatedConfig");
        var setString = (delegate* unmanaged<IntPtr, IntPtr, IntPtr, PyStatus>)Export(handle, "PyConfig_SetString");
        var initialize = (delegate* unmanaged<IntPtr, PyStatus>)Export(handle, "Py_InitializeFromConfig");
        var clear = (delegate* unmanaged<IntPtr, void>)Export(handle, "PyConfig_Clear");
        var saveThread = (delegate* unmanaged<IntPtr>)Export(handle, "PyEval_SaveThread");
        _gilEnsure = (delegate* unmanaged<int>)Export(handle, "PyGILState_Ensure");
        _gilRelease = (delegate* unmanaged<int, void>)Export(handle, "PyGILState_Release");
        _runString = (delegate* unmanaged<byte*, int, IntPtr, IntPtr, IntPtr>)Export(handle, "PyRun_String");
        _newDict = (delegate* unmanaged<IntPtr>)Export(handle, "PyDict_New");
        _decRef = (delegate* unmanaged<IntPtr, void>)Export(handle, "Py_DecRef");
        _errClear = (delegate* unmanaged<void>)Export(handle, "PyErr_Clear");

        // Generous and zeroed: PyConfig_InitIsolatedConfig fills in what this version has.
        var config = Marshal.AllocHGlobal(layout.Size + 1024);
        var wideName = WideString(programName);
        try
        {
            new Span<byte>((void*)config, layout.Size + 1024).Clear();
            initIsolated(config);
            Check(setString(config, config + layout.ProgramName, wideName), "PyConfig_SetString");
            Check(initialize(config), "Py_InitializeFromConfig");
            clear(config);
        }
        finally
        {
            Marshal.FreeHGlobal(config);
            Marshal.FreeHGlobal(wideName);
        }

        saveThread();
        Version = version;
    }

    public string ProgramName { get; }

    public string LibraryPath { get; }

    public string Version { get; } = string.Empty;

    public static LibPython Load(string libraryPath, string programName)
    {
        var handle = DlOpen(libraryPath, RtldNow | RtldGlobal);
        if (handle == IntPtr.Zero)
        {
            throw new DllNotFoundException($"{libraryPath}: {Marshal.PtrToStringUTF8(DlError())}");
        }

        return new LibPython(handle, programName, libraryPath);
    }

    /// <summary>Runs Python source in a fresh globals dict while holding the GIL; an uncaught exception is cleared, never printed.</summary>
    public bool Run(string source)
    {
        var state = _gilEnsure();
        try
        {
            var globals = _newDict();
            var bytes = Encoding.UTF8.GetBytes(source + "\0");
            IntPtr result;
            fixed (byte* code = bytes)
            {
                result = _runString(code, PyFileInput, globals, globals);
            }

            _decRef(globals);
            if (result == IntPtr.Zero)
            {
                _errClear();
                return false;
            }

            _decRef(result);
            return true;
        }
        finally
        {
            _gilRelease(state);
        }
    }

    private static IntPtr Export(IntPtr handle, string name) => NativeLibrary.GetExport(handle, name);

    private static void Check(PyStatus status, string what)
    {
        if (status.Type != 0)
        {
            var message = status.ErrorMessage == IntPtr.Zero ? "failed" : Marshal.PtrToStringUTF8(status.ErrorMessage);
            throw new InvalidOperationException($"{what}: {message}");
        }
    }

    /// <summary>A NUL-terminated wchar_t string (UTF-32 on Linux and macOS, UTF-16 on Windows).</summary>
    private static IntPtr WideString(string value)
    {
        var encoding = OperatingSystem.IsWindows() ? Encoding.Unicode : new UTF32Encoding(bigEndian: false, byteOrderMark: false);
        var bytes = encoding.GetBytes(value + "\0");
        var memory = Marshal.AllocHGlobal(bytes.Length);
        Marshal.Copy(bytes, 0, memory, bytes.Length);
        return memory;
    }

    [DllImport("libc.so.6", EntryPoint = "dlopen")]
    private static extern IntPtr DlOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string file, int mode);

    [DllImport("libc.so.6", EntryPoint = "dlerror")]
    private static extern IntPtr DlError();
}
