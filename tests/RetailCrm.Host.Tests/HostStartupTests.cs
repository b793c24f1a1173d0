using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RetailCrm.Kernel.Hosting;
using Microsoft.Extensions.Configuration;

namespace RetailCrm.Host.Tests;

/// <summary>The host started as a real process from another working folder: its settings, its log, its first-run passwords.</summary>
public sealed partial class HostStartupTests
{
    private const string PasswordsFile = "first-run-passwords.txt";

    [Fact]
    public async Task Should_read_its_appsettings_from_any_folder_log_json_in_production_without_sql_and_show_the_passwords_last()
    {
        // The command line asks for EF Core's SQL at Information: it is still not logged.
        using var host = new HostProcess(new Dictionary<string, string> { ["RetailCrm__DemoData"] = "true" }, "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Information");
        var address = await host.AddressAsync();
        await host.WaitForLineAsync(l => l.Contains("StartupPasswords", StringComparison.Ordinal));
        var password = Passwords(host)["admin"];
        using var client = Client(address);
        await SignInAsync(client, "admin", password);
        await Task.Delay(1000);

        // appsettings.Production.json: every line is JSON.
        var entries = host.Lines.Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        entries.Select(Message).ShouldContain("Hosting environment: Production");
        Path.GetFullPath(Message(entries.Single(e => Message(e).StartsWith("Content root path: ", StringComparison.Ordinal)))["Content root path: ".Length..])
            .ShouldBe(Path.GetFullPath(HostProcess.OutputFolder));
        // appsettings.json: Microsoft.AspNetCore at Warning, so the sign-in's requests left no Information line.
        entries.Where(e => e.GetProperty("LogLevel").GetString() == "Information").Select(Category).ShouldNotContain(c => c.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
        entries.Select(Category).ShouldNotContain("Microsoft.EntityFrameworkCore.Database.Command");
        var listening = entries.FindIndex(e => Message(e).StartsWith("Now listening on", StringComparison.Ordinal));
        var box = entries.FindIndex(e => Category(e).EndsWith("StartupPasswords", StringComparison.Ordinal));
        listening.ShouldBeGreaterThanOrEqualTo(0);
        box.ShouldBeGreaterThan(listening);
        Message(entries[box]).ShouldContain(password);
        Message(entries[box]).ShouldContain(Path.Combine(host.DataFolder, PasswordsFile));
    }

    [Fact]
    public async Task Should_frame_the_first_run_passwords_after_now_listening_and_keep_them_in_an_owner_only_file()
    {
        using var host = new HostProcess(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["RetailCrm__DemoData"] = "true" });
        var address = await host.AddressAsync();
        await host.WaitForLineAsync(l => l.Contains("Change them after signing in", StringComparison.Ordinal));
        var lines = host.Lines.ToList();
        var listening = lines.FindIndex(l => l.Contains("Now listening on", StringComparison.Ordinal));
        var top = lines.FindIndex(l => l.Trim().StartsWith("=====", StringComparison.Ordinal));
        top.ShouldBeGreaterThan(listening);
        lines[top + 1].ShouldContain("RetailCrm: sign in with these passwords");
        lines.Skip(top).ShouldNotContain(l => l.Contains("Now listening on", StringComparison.Ordinal));

        var file = Path.Combine(host.DataFolder, PasswordsFile);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var passwords = Passwords(host);
        passwords.Keys.ShouldBe(["admin", "manager", "department-supervisor", "sales-person", "data-entry", "customer-service", "data-administrator", "platform-maintenance", "store-clerk"], ignoreOrder: true);
        foreach (var (userName, password) in passwords)
        {
            lines.Skip(top).ShouldContain(l => l.Contains(userName, StringComparison.Ordinal) && l.Contains(password, StringComparison.Ordinal), $"{userName} is in the box");
            using var client = Client(address);
            await SignInAsync(client, userName, password);
        }
    }

    [Fact]
    public void Should_take_the_content_root_the_operator_names_or_the_working_folder_with_appsettings_or_else_the_app_folder()
    {
        var empty = Directory.CreateTempSubdirectory("retailcrm-cwd-").FullName;
        var withSettings = Directory.CreateTempSubdirectory("retailcrm-cwd-").FullName;
        File.WriteAllText(Path.Combine(withSettings, "appsettings.json"), "{}");
        IConfiguration Given(string? contentRoot) => new ConfigurationBuilder().AddInMemoryCollection(
            contentRoot is null ? [] : new Dictionary<string, string?> { ["contentRoot"] = contentRoot }).Build();

        KernelHosting.ContentRoot(Given(null), empty, "/app/").ShouldBe("/app/");
        KernelHosting.ContentRoot(Given(null), withSettings, "/app/").ShouldBeNull();
        KernelHosting.ContentRoot(Given("/srv/crm"), empty, "/app/").ShouldBeNull();
        var options = KernelHosting.Options(["--contentRoot", withSettings]);
        options.ContentRootPath.ShouldBeNull();
        options.Args.ShouldBe(["--contentRoot", withSettings]);
    }

    private static string Category(JsonElement entry) => entry.GetProperty("Category").GetString()!;

    private static string Message(JsonElement entry) => entry.GetProperty("Message").GetString()!;

    /// <summary>The passwords of the owner-only file, by user name.</summary>
    private static Dictionary<string, string> Passwords(HostProcess host) =>
        File.ReadAllLines(Path.Combine(host.DataFolder, PasswordsFile))
            .Select(l => PasswordLine().Match(l))
            .ToDictionary(m => m.Groups["user"].Value, m => m.Groups["password"].Value);

    private static HttpClient Client(Uri address) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };

    private static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = TokenField().Match(page).Groups[1].Value,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{userName} signs in");
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [GeneratedRegex("user=(?<user>\\S+) role=.* password=(?<password>\\S+)$")]
    private static partial Regex PasswordLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
