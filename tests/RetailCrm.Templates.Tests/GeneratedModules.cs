using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace RetailCrm.Templates.Tests;

/// <summary>One run of the nested dotnet CLI: what was run, how it ended and what it printed.</summary>
public sealed record CliStep(string Name, string Command, int? ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The end of the output, where MSBuild and dotnet test put their errors and summary.</summary>
    public string Tail(int characters = 20_000) => Output.Length <= characters ? Output : "..." + Output[^characters..];
}

/// <summary>
/// Makes two modules from tools/templates/retailcrm-module, as a developer would at the repository root, in a
/// temporary copy of what a module needs from the repository (never in the real tree): installs the template into a
/// private template hive, runs <c>dotnet new retailcrm-module</c> for Sample and GiftWrap (a name of two words), builds
/// the solution with warnings as errors and runs the generated tests with <c>dotnet test RetailCrm.sln</c>. Stops at
/// the first step that fails; the copy is kept then, for a look.
/// </summary>
public sealed class GeneratedModules : IDisposable
{
    public const string ChineseName = "礼品包装";

    // Inherited from the dotnet test that runs this: they would point the nested CLI at the outer one's MSBuild and test host.
    private static readonly string[] s_outerVariables = ["MSBuild", "MSBUILD", "VSTEST", "TESTINGPLATFORM", "DOTNET_HOST_PATH"];

    private readonly List<CliStep> _steps = [];

    public GeneratedModules()
    {
        Root = Path.Combine(Path.GetTempPath(), "retailcrm-template-" + Guid.NewGuid().ToString("N")[..12]);
        CopyRepository();
        var hive = Path.Combine(Root, ".template-hive");
        _ = Run("solution", TimeSpan.FromMinutes(2), "new", "sln", "-n", "RetailCrm", "--format", "sln", "--debug:custom-hive", hive)
            && Run("install", TimeSpan.FromMinutes(2), "new", "install", TemplatePath, "--debug:custom-hive", hive)
            && Run("new Sample", TimeSpan.FromMinutes(2), "new", "retailcrm-module", "-n", "Sample", "--debug:custom-hive", hive)
            && Run("new GiftWrap", TimeSpan.FromMinutes(2), "new", "retailcrm-module", "-n", "GiftWrap", "--chinese-name", ChineseName, "--debug:custom-hive", hive)
            && Run("build", TimeSpan.FromMinutes(20), "build", "RetailCrm.sln", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false")
            && Run("test", TimeSpan.FromMinutes(15), "test", "RetailCrm.sln", "-c", "Release", "--no-build",
                "--logger", "trx;LogFilePrefix=generated", "--results-directory", ResultsPath);
    }

    public static string RepoRoot { get; } = typeof(GeneratedModules).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string TemplatePath => Path.Combine(RepoRoot, "tools", "templates", "retailcrm-module");

    /// <summary>The temporary repository the modules were made in.</summary>
    public string Root { get; }

    public string ResultsPath => Path.Combine(Root, "TestResults");

    public IReadOnlyList<CliStep> Steps => _steps;

    /// <summary>The step, which must have run and succeeded; else the failure names it and shows its output.</summary>
    public CliStep Succeeded(string name)
    {
        var step = _steps.FirstOrDefault(s => s.Name == name);
        var failed = _steps.FirstOrDefault(s => !s.Succeeded);
        step.ShouldNotBeNull($"'{name}' did not run: '{failed?.Name}' failed before it (dotnet {failed?.Command}, exit code {failed?.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: timed out"}) in {Root}:{Environment.NewLine}{failed?.Tail()}");
        step.Succeeded.ShouldBeTrue($"dotnet {step.Command} failed with exit code {step.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: timed out after " + step.Elapsed} in {Root}:{Environment.NewLine}{step.Tail()}");
        return step;
    }

    public void Dispose()
    {
        if (_steps.All(s => s.Succeeded))
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A test host may still hold a SQLite file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>What a module needs from the repository, copied (not linked, so that nothing is built in the real tree).</summary>
    private void CopyRepository()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig", Path.Combine("modules", "Directory.Build.props") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, file))!);
            File.Copy(Path.Combine(RepoRoot, file), Path.Combine(Root, file));
        }

        foreach (var folder in new[] { "host", "themes", Path.Combine("tests", "RetailCrm.Testing") })
        {
            CopyFolder(Path.Combine(RepoRoot, folder), Path.Combine(Root, folder));
        }

        // No package source at all: the nested restore takes every package from the global packages folder, where the
        // repository's own restore put them, so it works offline and a package the repository does not use fails it.
        File.WriteAllText(Path.Combine(Root, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj" or "data" or "TestResults")))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private bool Run(string name, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Dotnet())
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => s_outerVariables.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(variable);
        }

        // No build server or node may outlive the step: it would hold the output pipes (and CI's log) open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        var outputClosed = new TaskCompletionSource();
        var errorClosed = new TaskCompletionSource();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Received(e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Received(e.Data, errorClosed);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        int? exitCode = null;
        if (process.WaitForExit(timeout))
        {
            exitCode = process.ExitCode;
        }
        else
        {
            process.Kill(entireProcessTree: true);
        }

        Task.WaitAll([outputClosed.Task, errorClosed.Task], TimeSpan.FromMinutes(1));

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        _steps.Add(new CliStep(name, string.Join(' ', arguments), exitCode, text, clock.Elapsed));
        return exitCode == 0;

        void Received(string? line, TaskCompletionSource closed)
        {
            if (line is null)
            {
                closed.TrySetResult();
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    /// <summary>The dotnet that runs these tests (the SDK global.json pins), else the one on the PATH.</summary>
    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";
}
