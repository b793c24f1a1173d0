using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>
/// The product walked as a new user would, on the demo data, at 1366×768 and 390×844, in English and Chinese:
/// sign-in with the keyboard, each role's home, the navigation, the global search, the help and an error page. Every page is
/// photographed under TestResults/screenshots and must fit the screen (no element past its right edge).
/// </summary>
public sealed class ProductWalkTests(DemoBrowserFixture crm) : IClassFixture<DemoBrowserFixture>
{
    public static TheoryData<int, int, string> Walks => new()
    {
        { 1366, 768, "en" },
        { 390, 844, "en" },
        { 1366, 768, "zh-CN" },
        { 390, 844, "zh-CN" },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Should_sign_in_with_the_keyboard_find_a_customer_and_show_an_error_page(int width, int height, string language)
    {
        var page = await crm.NewPageAsync(width, height);
        var shot = Shot(width, language);
        await OpenSignInAsync(page, language);

        await Expect(page.Locator("#UserName")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(CrmBrowserFixture.AdminUserName);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(CrmBrowserFixture.AdminPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator(".dashboard [data-widget]").First).ToBeVisibleAsync();
        await CheckAsync(page, shot("home-admin"));

        await NavigationShouldShowGroupsAsync(page, width, shot);

        await page.Locator("body").PressAsync("/");
        await Expect(page.Locator("#global-search")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("zw");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToContainTextAsync("张伟");
        await CheckAsync(page, shot("search"));

        await page.GotoAsync("/cards/settlement");
        await page.Locator("body").PressAsync("?");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/help/cards/settlement");
        await Expect(page.Locator("#help-article h1")).ToHaveTextAsync(language == "en" ? "Settlement and bulk sales" : "门店日结与总部售卡");
        await CheckAsync(page, shot("help-topic"));
        await page.Locator("a[href='/help']").First.ClickAsync();
        await page.Locator("#help-term").FillAsync(language == "en" ? "pinyin" : "拼音");
        await page.Locator("#help-term").PressAsync("Enter");
        await Expect(page.Locator("a.help-topic[href='/help/general/getting-started']")).ToBeVisibleAsync();
        await CheckAsync(page, shot("help-search"));

        await page.GotoAsync("/no-such-page");
        await Expect(page.Locator(".error-page[data-status='404']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-way-back='home']")).ToBeVisibleAsync();
        await CheckAsync(page, shot("error-404"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Should_show_each_role_its_own_home(int width, int height, string language)
    {
        var shot = Shot(width, language);
        var homes = new Dictionary<string, string>
        {
            ["store-clerk"] = "cards.lookup",
            ["manager"] = "cards.liability",
            ["data-administrator"] = "members.failed-imports",
            ["department-supervisor"] = "",
        };
        foreach (var (role, widget) in homes)
        {
            var page = await TryAsAsync(crm, width, height, language, role);
            await Expect(page.Locator(widget.Length > 0 ? $"[data-widget='{widget}']" : ".dashboard [data-widget]").First).ToBeVisibleAsync();
            await Expect(page.Locator("#user-menu")).ToContainTextAsync(role);
            await CheckAsync(page, shot("home-" + role));
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Should_fit_the_working_pages_on_the_screen(int width, int height, string language)
    {
        var shot = Shot(width, language);
        var page = await crm.NewPageAsync(width, height);
        await OpenSignInAsync(page, language);
        await page.Locator("#UserName").FillAsync(CrmBrowserFixture.AdminUserName);
        await page.Locator("#Password").FillAsync(CrmBrowserFixture.AdminPassword);
        await page.Locator("#Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        foreach (var (path, name) in s_workingPages)
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            await CheckAsync(page, shot(name));
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Should_fit_the_findings_of_an_import_dry_run_on_the_screen(int width, int height, string language)
    {
        var shot = Shot(width, language);
        var page = await TryAsAsync(crm, width, height, language, "data-administrator");
        var file = string.Join("\n",
            "姓名,手机,邮箱,地址,邮编",
            "李娜,13911112222,li.na@example.cn,上海市长宁区延安西路1号,200050",
            "王强,not a phone,wang@example.cn,北京市朝阳区建国路88号SOHO现代城A座1501室,100022",
            "赵敏,13933334444,broken@,广州市天河区天河路385号,510620",
            "张伟,13800138000,,,");

        await page.GotoAsync("/members/imports");
        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "walk.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(file),
        });
        await page.Locator("form[data-form='upload'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/members/imports/", StringComparison.Ordinal));
        await page.Locator("form[data-form='dry-run'] button[type=submit]").ClickAsync();

        await Expect(page.Locator("#import-report tr[data-kind='error']").First).ToBeVisibleAsync();
        await CheckAsync(page, shot("import-findings"));
        await page.Context.CloseAsync();
    }

    private static readonly (string Path, string Name)[] s_workingPages =
    [
        ("/members/customers", "customers"),
        ("/members/imports", "imports"),
        ("/members/care", "care"),
        ("/members/duplicates", "duplicates"),
        ("/members/change-requests", "change-requests"),
        ("/cards/cards", "cards"),
        ("/cards/products", "card-products"),
        ("/cards/settlement", "settlement"),
        ("/cards/stock", "card-stock"),
        ("/cards/terminals", "terminals"),
        ("/admin/modules", "modules"),
        ("/admin/settings", "settings"),
        ("/admin/users", "users"),
        ("/admin/roles", "roles"),
        ("/admin/audit", "audit"),
        ("/admin/events", "events"),
    ];

    /// <summary>The sign-in page in the walk's language, switched with the header's language buttons as a user does.</summary>
    internal static async Task OpenSignInAsync(IPage page, string language)
    {
        await page.GotoAsync("/account/login");
        if (language != "en")
        {
            await page.Locator($"button[name='culture'][value='{language}']").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        }
    }

    /// <summary>A new page signed in as the demo user of a role, from the sign-in page's "try as" list, on its home.</summary>
    internal static async Task<IPage> TryAsAsync(DemoBrowserFixture crm, int width, int height, string language, string role)
    {
        var page = await crm.NewPageAsync(width, height);
        await OpenSignInAsync(page, language);
        await page.Locator($"[data-try-as='{role}']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return page;
    }

    internal static async Task CheckAsync(IPage page, string name)
    {
        await Screenshots.TakeAsync(page, name);
        await Viewport.ShouldFitAsync(page, name);
    }

    internal static Func<string, string> Shot(int width, string language) =>
        step => $"walk-{(width < 720 ? "phone" : "desktop")}-{language}-{step}";

    /// <summary>Modules' groups and the administration areas; on a phone the menu opens from the top bar's button.</summary>
    private static async Task NavigationShouldShowGroupsAsync(IPage page, int width, Func<string, string> shot)
    {
        var nav = page.Locator("#main-nav");
        if (width < 720)
        {
            await Expect(nav).ToBeHiddenAsync();
            await page.Locator("label[for='nav-toggle']").ClickAsync();
        }

        await Expect(nav).ToBeVisibleAsync();
        foreach (var group in new[] { "members", "cards", "admin.organization", "admin.system", "admin.monitoring" })
        {
            await Expect(nav.Locator($".nav-group[data-group='{group}'] a").First).ToBeVisibleAsync();
        }

        await Expect(nav.Locator(".nav-group svg.icon").First).ToBeVisibleAsync();
        await CheckAsync(page, shot("navigation"));
        if (width < 720)
        {
            await page.Keyboard.PressAsync("Escape");
            await Expect(nav).ToBeHiddenAsync();
        }
    }
}
