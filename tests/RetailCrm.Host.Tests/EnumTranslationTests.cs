using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Localization;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Host.Tests;

/// <summary>
/// Every enum a page can show reads as words in both languages: each value of each enum of the Sdk, the Kernel, the
/// Host, and every first-party module and its Contracts (loaded by the real host) has an en and a zh-CN display text.
/// </summary>
public sealed class EnumTranslationTests
{
    /// <summary>Enums that never reach a page: protocol and plumbing values.</summary>
    private static readonly HashSet<string> s_neverShown =
    [
        "RetailCrm.Sdk.Results.RefusalKind",
        "RetailCrm.Kernel.Identity.SignInFailure",
        "RetailCrm.Kernel.Idempotency.IdempotencyClaimOutcome",
        "RetailCrm.Kernel.Data.IdempotencyStatus",
        "RetailCrm.Modules.Cards.Application.Settlement.SettlementExportFormat",
        "RetailCrm.Sdk.Web.TableFileFormat",
        "RetailCrm.Sdk.Web.ChartKind",
        "RetailCrm.Sdk.Web.FieldKind",
        "RetailCrm.Kernel.Branding.LogoKind",
    ];

    [Fact]
    public void Should_have_an_english_and_a_chinese_text_for_every_value_of_every_displayed_enum()
    {
        using var factory = new CrmHostFactory(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);
        var display = factory.Services.GetRequiredService<DisplayText>();
        var modules = factory.Services.GetRequiredService<ModuleCatalog>().Running.Select(m => m.Assembly!).ToList();
        modules.Select(m => m.GetName().Name).ShouldContain("RetailCrm.Modules.Cards");
        modules.Select(m => m.GetName().Name).ShouldContain("RetailCrm.Modules.Members");

        var enums = Subjects(modules)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !s_neverShown.Contains(t.FullName!))
            .ToList();
        enums.ShouldContain(typeof(DataScope));

        var missing = (
            from type in enums
            from Enum value in Enum.GetValues(type)
            from culture in new[] { "en", "zh-CN" }
            where display.Find(value, culture) is null
            select $"{type.FullName}.{value} ({culture})").ToList();

        missing.ShouldBeEmpty("Add the text to the Resources/Enums.{culture}.json of the enum's assembly (a Contracts enum: its module's), keyed Type.Value.");
    }

    [Fact]
    public void Should_tell_apart_a_word_two_enums_share()
    {
        using var factory = new CrmHostFactory(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);
        var display = factory.Services.GetRequiredService<DisplayText>();
        var enums = Subjects([.. factory.Services.GetRequiredService<ModuleCatalog>().Running.Select(m => m.Assembly!)])
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum).DistinctBy(t => t.FullName).ToDictionary(t => t.FullName!);

        var cardClosed = (Enum)Enum.Parse(enums["RetailCrm.Modules.Cards.Contracts.CardStatus"], "Closed");
        var stockTakeClosed = (Enum)Enum.Parse(enums["RetailCrm.Modules.Cards.Domain.Stock.StockTakeStatus"], "Closed");

        display.Find(cardClosed, "zh-CN").ShouldBe("已销卡");
        display.Find(stockTakeClosed, "zh-CN").ShouldBe("已结束");
        display.Find(DataScope.MyUnitAndBelow, "en").ShouldBe("My unit and below");
    }

    private static IEnumerable<Assembly> Subjects(IReadOnlyList<Assembly> modules)
    {
        yield return typeof(CrmModule).Assembly;
        yield return typeof(DisplayText).Assembly;
        yield return typeof(Program).Assembly;
        foreach (var module in modules)
        {
            yield return module;
            foreach (var contracts in module.GetReferencedAssemblies().Where(r => r.Name!.EndsWith(".Contracts", StringComparison.Ordinal)))
            {
                yield return Assembly.Load(contracts);
            }
        }
    }
}
