using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace RetailCrm.Host.Tests;

/// <summary>
/// The built host (host/RetailCrm.Host/bin/...) started as a real process with <c>dotnet RetailCrm.Host.dll</c> from an
/// empty working folder, as an operator would from anywhere, on a free port and a fresh data folder; its console is kept.
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly string _workingFolder = Directory.CreateTempSubdirectory("retailcrm-cwd-").FullName;

    public HostProcess(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        DataFolder = Path.Combine(_workingFolder, "data");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(OutputFolder, "RetailCrm.Host.dll"));
        foreach (var argument in new[] { "--urls", "http://127.0.0.1:0" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the test runner's own hosting settings: the host decides from its files alone.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("RetailCrm__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["RetailCrm__DataPath"] = DataFolder;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where the build puts the host, with its appsettings*.json, modules and themes.</summary>
    public static string OutputFolder =>
        typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostOutputPath").Value!;

    public string DataFolder { get; }

    /// <summary>The console so far, one line each.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits until a line of the console matches; fails with the console when the host exits or takes too long.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (Lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The host did not print the line awaited. Its console:\n" + string.Join('\n', Lines.TakeLast(200)));
    }

    /// <summary>The address the host listens on, read from its "Now listening on" line.</summary>
    public async Task<Uri> AddressAsync()
    {
        var line = await WaitForLineAsync(l => l.Contains("Now listening on", StringComparison.Ordinal));
        return new Uri(ListeningAddress().Match(line).Value);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workingFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold its file for a moment; a temp folder left behind is harmless.
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningAddress();
}
