using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Semver;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Kernel.Modularity;

/// <summary>Limits applied to a plugin archive before anything of it is written.</summary>
public sealed class PluginPackageOptions
{
    /// <summary>Largest uncompressed size of one entry, in bytes (50 MB by default).</summary>
    public long MaxEntryBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Largest uncompressed size of all entries together, in bytes (200 MB by default).</summary>
    public long MaxTotalBytes { get; init; } = 200L * 1024 * 1024;
}

/// <summary>Where a plugin archive was installed, and whether it replaced an installed version.</summary>
public sealed record PluginInstallResult(ModuleManifest Manifest, string Directory, string? ReplacedVersion);

/// <summary>
/// A plugin packaged as one .zip: the built plugin folder with <c>plugin.json</c> at the root and
/// <c>checksums.sha256</c> (<c>sha256  relative/path</c> for every other entry). An archive is checked
/// whole before install (paths, sizes, manifest, checksums, Sdk range, id collisions, shared assemblies);
/// it is extracted beside the plugins only when every check passes, then moved into place.
/// </summary>
public sealed partial class PluginPackage(PluginPackageOptions? options = null)
{
    public const string ManifestFileName = "plugin.json";
    public const string ChecksumsFileName = "checksums.sha256";

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly PluginPackageOptions _options = options ?? new PluginPackageOptions();

    /// <summary>The Sdk version the archive's range must hold; the host's own unless a test says otherwise.</summary>
    internal SemVersion SdkVersion { get; init; } = ModuleLoader.SdkVersion;

    /// <summary>Packs a built plugin folder (with <c>plugin.json</c> at its root) into <paramref name="archivePath"/>.</summary>
    public static void Create(string pluginFolder, string archivePath)
    {
        var root = Path.GetFullPath(pluginFolder);
        var archive = Path.GetFullPath(archivePath);
        if (!File.Exists(Path.Combine(root, ManifestFileName)))
        {
            throw new InvalidOperationException($"{root} has no {ManifestFileName} at its root.");
        }

        if (archive.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The archive {archive} must not be written inside the folder it packs.");
        }

        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != ChecksumsFileName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Create);
        var checksums = new StringBuilder();
        foreach (var file in files)
        {
            var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
            using var source = File.OpenRead(Path.Combine(root, file));
            using var target = entry.Open();
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                target.Write(buffer, 0, read);
            }

            checksums.Append(Convert.ToHexStringLower(sha.GetHashAndReset())).Append("  ").Append(file).Append('\n');
        }

        var checksumEntry = zip.CreateEntry(ChecksumsFileName, CompressionLevel.Optimal);
        using var writer = new StreamWriter(checksumEntry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(checksums.ToString());
    }

    /// <summary>
    /// Checks <paramref name="archivePath"/> against the modules in <paramref name="modulesPath"/> and the plugins in
    /// <paramref name="pluginsPath"/>, then installs it as <c>pluginsPath/{id}</c>, or over the installed plugin with
    /// the same id. Throws <see cref="PluginPackageException"/> naming every problem; nothing is written then.
    /// </summary>
    public PluginInstallResult Install(string archivePath, string pluginsPath, string modulesPath)
    {
        var problems = new List<string>();
        ModuleManifest? manifest;
        List<ZipEntryFile> files;
        using (var zip = OpenArchive(archivePath))
        {
            var all = CheckEntries(zip, problems);
            files = [.. all.Where(f => !f.Unsafe)];
            manifest = CheckManifest(files, problems);
            CheckChecksums(files, [.. all.Where(f => f.Unsafe).Select(f => f.Path)], problems);
            CheckSharedAssemblies(files, modulesPath, problems);
            if (manifest is not null)
            {
                CheckMainAssembly(manifest, files, problems);
            }
        }

        var target = manifest is null ? null : CheckCollisions(manifest, pluginsPath, modulesPath, problems);
        if (problems.Count > 0)
        {
            throw new PluginPackageException(archivePath, problems);
        }

        return Extract(archivePath, manifest!, pluginsPath, target!);
    }

    private static ZipArchive OpenArchive(string archivePath)
    {
        try
        {
            return ZipFile.OpenRead(archivePath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new PluginPackageException(archivePath, [$"The archive cannot be read: {e.Message}"]);
        }
    }

    /// <summary>One file of the archive, with its SHA-256 when it could be read within the limits; an unsafe one is only named.</summary>
    private sealed record ZipEntryFile(string Path, string? Sha256, byte[]? Content, bool Unsafe = false);

    /// <summary>Refuses unsafe paths, duplicates and sizes, counting the bytes actually read rather than trusting the header.</summary>
    private List<ZipEntryFile> CheckEntries(ZipArchive zip, List<string> problems)
    {
        var files = new List<ZipEntryFile>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        var totalReported = false;
        foreach (var entry in zip.Entries)
        {
            var path = entry.FullName.Replace('\\', '/');
            if (path.EndsWith('/'))
            {
                continue; // a folder: its files carry their own paths
            }

            if (UnsafePath(path) is { } unsafeReason)
            {
                problems.Add($"Entry '{entry.FullName}' {unsafeReason}.");
                files.Add(new ZipEntryFile(path, null, null, Unsafe: true));
                continue;
            }

            if (!seen.Add(path))
            {
                problems.Add($"Entry '{path}' appears more than once.");
                continue;
            }

            if (entry.Length > _options.MaxEntryBytes)
            {
                problems.Add($"Entry '{path}' is {entry.Length} bytes; the limit for one entry is {_options.MaxEntryBytes}.");
                files.Add(new ZipEntryFile(path, null, null));
                continue;
            }

            var (sha, content, size, error) = Read(entry);
            total += size;
            if (error is not null)
            {
                problems.Add($"Entry '{path}' {error}.");
            }
            else if (total > _options.MaxTotalBytes && !totalReported)
            {
                totalReported = true;
                problems.Add($"The archive holds more than {_options.MaxTotalBytes} bytes uncompressed, the limit for a plugin.");
            }

            files.Add(new ZipEntryFile(path, sha, content));
        }

        return files;
    }

    /// <summary>Reads an entry up to the entry limit; keeps the bytes of the two small files the checks read.</summary>
    private (string? Sha256, byte[]? Content, long Size, string? Error) Read(ZipArchiveEntry entry)
    {
        var keep = entry.FullName is ManifestFileName or ChecksumsFileName;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var kept = keep ? new MemoryStream() : null;
        var buffer = new byte[81920];
        long size = 0;
        try
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                size += read;
                if (size > _options.MaxEntryBytes)
                {
                    return (null, null, size, $"is larger than the limit for one entry ({_options.MaxEntryBytes} bytes)");
                }

                sha.AppendData(buffer, 0, read);
                kept?.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            return (null, null, size, $"cannot be read: {e.Message}");
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), kept?.ToArray(), size, null);
    }

    private static string? UnsafePath(string path)
    {
        if (path.StartsWith('/') || Path.IsPathRooted(path) || DriveLetter().IsMatch(path))
        {
            return "has an absolute path";
        }

        var segments = path.Split('/');
        if (segments.Any(s => s == ".."))
        {
            return "leaves the plugin folder (..)";
        }

        return segments.Any(s => s.Length == 0 || s == ".") || path.Contains('\0', StringComparison.Ordinal)
            ? "has an empty or '.' path segment"
            : null;
    }

    [GeneratedRegex("^[A-Za-z]:")]
    private static partial Regex DriveLetter();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SafeId();

    private ModuleManifest? CheckManifest(List<ZipEntryFile> files, List<string> problems)
    {
        var file = files.FirstOrDefault(f => f.Path == ManifestFileName);
        if (file?.Content is null)
        {
            problems.Add(file is null ? $"The archive has no {ManifestFileName} at its root." : $"{ManifestFileName} could not be read.");
            return null;
        }

        ModuleManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModuleManifest>(file.Content, ManifestJson);
        }
        catch (JsonException e)
        {
            problems.Add($"{ManifestFileName} is not a valid manifest: {e.Message}");
            return null;
        }

        if (manifest is null)
        {
            problems.Add($"{ManifestFileName} is empty.");
            return null;
        }

        manifest.Kind = ModuleKind.Plugin;
        if (string.IsNullOrWhiteSpace(manifest.Id))
        {
            problems.Add($"{ManifestFileName} has no id.");
            return null;
        }

        if (!SafeId().IsMatch(manifest.Id))
        {
            // The id becomes a folder name: a manifest without a safe one is not used further.
            problems.Add($"The id '{manifest.Id}' may hold only letters, digits, '.', '-' and '_', and must start with a letter or digit: it names the plugin's folder.");
            return null;
        }

        problems.AddRange(ModuleGraph.CheckManifest(manifest, SdkVersion));
        foreach (var (dependencyId, range) in manifest.DependsOn.Where(d => !SemVersionRange.TryParseNpm(d.Value, out _)))
        {
            problems.Add($"'{manifest.Id}' depends on '{dependencyId}' with '{range}', which is not a version range.");
        }

        return manifest;
    }

    /// <summary>Every safe file listed with its hash, and nothing listed that is not there (unsafe entries are already refused).</summary>
    private static void CheckChecksums(List<ZipEntryFile> files, HashSet<string> refusedPaths, List<string> problems)
    {
        var file = files.FirstOrDefault(f => f.Path == ChecksumsFileName);
        if (file?.Content is null)
        {
            problems.Add(file is null ? $"The archive has no {ChecksumsFileName} at its root." : $"{ChecksumsFileName} could not be read.");
            return;
        }

        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in Encoding.UTF8.GetString(file.Content).Split('\n'))
        {
            lineNumber++;
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }

            // sha256sum's format: 64 hex digits, two spaces (or space and '*' for binary mode), the path.
            var match = ChecksumLine().Match(text);
            if (!match.Success)
            {
                problems.Add($"{ChecksumsFileName} line {lineNumber} is not 'sha256  relative/path'.");
                continue;
            }

            var path = match.Groups["path"].Value.Replace('\\', '/');
            if (!listed.TryAdd(path, match.Groups["sha"].Value.ToLowerInvariant()))
            {
                problems.Add($"{ChecksumsFileName} lists '{path}' more than once.");
            }
        }

        var inArchive = files.Where(f => f.Path != ChecksumsFileName).ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var (path, sha) in listed.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (refusedPaths.Contains(path))
            {
                continue;
            }

            if (!inArchive.TryGetValue(path, out var entry))
            {
                problems.Add($"'{path}' is listed in {ChecksumsFileName} but missing from the archive.");
            }
            else if (entry.Sha256 is not null && entry.Sha256 != sha)
            {
                problems.Add($"Checksum mismatch for '{path}': {ChecksumsFileName} says {sha}, the entry is {entry.Sha256}.");
            }
        }

        foreach (var path in inArchive.Keys.Where(p => !listed.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            problems.Add($"'{path}' is in the archive but not listed in {ChecksumsFileName}.");
        }
    }

    [GeneratedRegex("^(?<sha>[0-9a-fA-F]{64}) [ *](?<path>.+)$")]
    private static partial Regex ChecksumLine();

    /// <summary>
    /// A plugin must use the host's copy of what crosses the boundary: the Sdk, the modules' Contracts and EF Core.
    /// A bundled copy would be a second, incompatible type identity in the plugin's load context.
    /// </summary>
    private static void CheckSharedAssemblies(List<ZipEntryFile> files, string modulesPath, List<string> problems)
    {
        var moduleContracts = Directory.Exists(modulesPath)
            ? Directory.GetFiles(modulesPath, "*.Contracts.dll", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        foreach (var file in files)
        {
            var name = file.Path.Split('/')[^1];
            if (!name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals("RetailCrm.Sdk.dll", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.OrdinalIgnoreCase)
                || moduleContracts.Contains(name))
            {
                problems.Add($"'{file.Path}' is shared with the host and must not be bundled: reference it with Private=\"false\" ExcludeAssets=\"runtime\".");
            }
        }
    }

    /// <summary>The loader must find the main assembly: the one the manifest names, or the one beside the only deps.json.</summary>
    private static void CheckMainAssembly(ModuleManifest manifest, List<ZipEntryFile> files, List<string> problems)
    {
        var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (manifest.Assembly is { } named)
        {
            var path = named.Replace('\\', '/');
            if (UnsafePath(path) is not null || !paths.Contains(path))
            {
                problems.Add($"'{manifest.Id}' names the assembly '{named}', which is not in the archive.");
            }

            return;
        }

        var deps = paths.Where(p => !p.Contains('/', StringComparison.Ordinal) && p.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase)).ToList();
        if (deps.Count != 1)
        {
            problems.Add($"'{manifest.Id}' does not name its assembly and the archive has {deps.Count} deps.json files at its root; name it in {ManifestFileName} ('assembly').");
        }
        else if (!paths.Contains(deps[0][..^".deps.json".Length] + ".dll"))
        {
            problems.Add($"'{manifest.Id}' has {deps[0]} but not the assembly beside it.");
        }
    }

    /// <summary>The folder to install into: the installed plugin with the same id (an upgrade), or a new folder named after the id.</summary>
    private static string? CheckCollisions(ModuleManifest manifest, string pluginsPath, string modulesPath, List<string> problems)
    {
        if (Directory.Exists(modulesPath))
        {
            foreach (var file in ModuleLoader.ManifestFiles(modulesPath, "module.json"))
            {
                if (Id(file) is { } moduleId && moduleId.Equals(manifest.Id, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"'{manifest.Id}' is the id of the installed module in {Path.GetDirectoryName(file)}.");
                    return null;
                }
            }
        }

        if (Directory.Exists(pluginsPath))
        {
            var same = ModuleLoader.ManifestFiles(pluginsPath, ManifestFileName)
                .Where(f => Id(f)?.Equals(manifest.Id, StringComparison.OrdinalIgnoreCase) == true)
                .Select(Path.GetDirectoryName)
                .ToList();
            if (same.Count > 1)
            {
                problems.Add($"'{manifest.Id}' is installed more than once ({string.Join(" and ", same)}); remove the extra copies first.");
                return null;
            }

            if (same.Count == 1)
            {
                return same[0];
            }
        }

        var target = Path.Combine(Path.GetFullPath(pluginsPath), manifest.Id);
        if (Directory.Exists(target) || File.Exists(target))
        {
            problems.Add($"{target} already exists and does not hold the plugin '{manifest.Id}'.");
            return null;
        }

        return target;
    }

    private static string? Id(string manifestFile)
    {
        try
        {
            return ManifestReader.Read(manifestFile).Id;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Extracts into a dot-folder beside the target (the loader skips it), then swaps it into place.</summary>
    private PluginInstallResult Extract(string archivePath, ModuleManifest manifest, string pluginsPath, string target)
    {
        var plugins = Path.GetFullPath(pluginsPath);
        Directory.CreateDirectory(plugins);
        var token = Guid.NewGuid().ToString("N");
        var staging = Path.Combine(plugins, $".{manifest.Id}.installing-{token}");
        var retired = Path.Combine(plugins, $".{manifest.Id}.replaced-{token}");
        var replacedVersion = Directory.Exists(target) ? ReadVersion(Path.Combine(target, ManifestFileName)) : null;
        try
        {
            using (var zip = ZipFile.OpenRead(archivePath))
            {
                foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.EndsWith('\\')))
                {
                    var path = Path.GetFullPath(Path.Combine(staging, entry.FullName.Replace('\\', '/')));
                    if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        throw new PluginPackageException(archivePath, [$"Entry '{entry.FullName}' leaves the plugin folder."]);
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using var source = entry.Open();
                    using var destination = File.Create(path);
                    CopyAtMost(source, destination, _options.MaxEntryBytes, entry.FullName, archivePath);
                }
            }

            if (Directory.Exists(target))
            {
                Directory.Move(target, retired);
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch
            {
                if (Directory.Exists(retired))
                {
                    Directory.Move(retired, target);
                }

                throw;
            }

            if (Directory.Exists(retired))
            {
                Directory.Delete(retired, recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        manifest.Directory = target;
        return new PluginInstallResult(manifest, target, replacedVersion);
    }

    private static void CopyAtMost(Stream source, Stream destination, long limit, string entryName, string archivePath)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            copied += read;
            if (copied > limit)
            {
                // The archive changed since it was checked.
                throw new PluginPackageException(archivePath, [$"Entry '{entryName}' is larger than the limit for one entry ({limit} bytes)."]);
            }

            destination.Write(buffer, 0, read);
        }
    }

    private static string? ReadVersion(string manifestFile)
    {
        try
        {
            return File.Exists(manifestFile) ? ManifestReader.Read(manifestFile).Version : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A plugin archive was refused; <see cref="Problems"/> names every problem, and nothing was installed.</summary>
public sealed class PluginPackageException(string archivePath, IReadOnlyList<string> problems)
    : Exception($"The plugin archive {archivePath} cannot be installed:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public string ArchivePath { get; } = archivePath;

    public IReadOnlyList<string> Problems { get; } = problems;
}
