using System.Text;
using Microsoft.Extensions.Logging;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.Identity;

/// <summary>A user made at this start with a generated password.</summary>
internal sealed record StartupPassword(string Tenant, string UserName, string Role, string Password);

/// <summary>
/// The passwords generated at this start (the first administrator's, the demo users'). Each is written at once to a
/// file in the data folder that only its owner can read (Unix mode 0600), and all of them are shown once, framed,
/// after the host listens (<see cref="Announce"/>), so that they are not buried under the start-up log.
/// </summary>
internal sealed class StartupPasswords(DatabaseOptions database, ILogger<StartupPasswords> logger)
{
    public const string FileName = "first-run-passwords.txt";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly List<StartupPassword> _made = [];

    public string FilePath => Path.Combine(database.DataFolder, FileName);

    public IReadOnlyList<StartupPassword> Made => _made;

    public void Add(StartupPassword made)
    {
        _made.Add(made);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var writer = new StreamWriter(FilePath, Encoding.UTF8, options))
        {
            writer.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z tenant={made.Tenant} user={made.UserName} role={made.Role} password={made.Password}");
        }

        if (!OperatingSystem.IsWindows())
        {
            // A file left from an earlier run keeps whatever mode it had; this one holds passwords.
            File.SetUnixFileMode(FilePath, OwnerOnly);
        }
    }

    /// <summary>Logs the framed message, when a password was made at this start; a warning, so that no usual level hides it.</summary>
    public void Announce()
    {
        if (_made.Count > 0)
        {
            logger.LogWarning("{Message}", Frame(_made, FilePath));
        }
    }

    internal static string Frame(IReadOnlyList<StartupPassword> made, string filePath)
    {
        var nameWidth = made.Max(m => m.UserName.Length);
        var roleWidth = made.Max(m => m.Role.Length);
        List<string> lines =
        [
            $"RetailCrm: sign in with these passwords (tenant '{made[0].Tenant}'). They are shown only now.",
            "",
            .. made.Select(m => $"  {m.UserName.PadRight(nameWidth)}  {m.Role.PadRight(roleWidth)}  {m.Password}"),
            "",
            $"Kept, readable by the owner only, in {filePath}",
            "Change them after signing in, then delete that file.",
        ];
        var width = lines.Max(l => l.Length);
        var frame = new StringBuilder();
        frame.AppendLine();
        // ASCII that the JSON log does not escape, so that every console shows it as it is.
        frame.Append('=', width + 4).AppendLine();
        foreach (var line in lines)
        {
            frame.Append("| ").Append(line.PadRight(width)).AppendLine(" |");
        }

        frame.Append('=', width + 4);
        return frame.ToString();
    }
}
