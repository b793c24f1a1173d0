using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>On the ticket page an agent searches the knowledge base and inserts an article into the reply, in the real browser.</summary>
public sealed class KnowledgeBasePickerBrowserTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    [Fact]
    public async Task Agent_searches_the_knowledge_base_from_the_ticket_and_inserts_the_article_into_the_reply()
    {
        var page = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(page);
        var article = await page.Context.APIRequest.PostAsync("/api/service/kb/articles", new APIRequestContextOptions
        {
            DataObject = new { title = "退款流程", body = "顾客凭购物小票可在 **七天内** 申请退款。", language = "zh-CN", published = true },
        });
        article.Status.ShouldBe(201, await article.TextAsync());
        var ticket = await page.Context.APIRequest.PostAsync("/api/service/tickets", new APIRequestContextOptions
        {
            DataObject = new { subject = "我要退货", body = "上周买的水壶坏了", contactName = "王小明", contactEmail = "wang@example.cn", channel = "Phone" },
        });
        ticket.Status.ShouldBe(201, await ticket.TextAsync());
        var ticketId = (await ticket.JsonAsync())!.Value.GetProperty("id").GetGuid();

        await page.GotoAsync($"/service/tickets/{ticketId}");
        var reply = page.Locator("#post-form textarea[name=body]");
        await reply.FillAsync("您好，");
        var picker = page.Locator("[data-panel='kb'] [data-kb-picker]");
        await picker.Locator("summary").ClickAsync();
        await picker.Locator("[data-kb-query]").FillAsync("退款");
        await picker.Locator("[data-kb-query]").PressAsync("Enter");
        await Expect(picker.Locator("[data-kb-results] li")).ToHaveCountAsync(1);
        await Expect(picker.Locator("[data-kb-results] mark")).ToHaveTextAsync("退款");
        await picker.Locator("[data-kb-insert]").ClickAsync();

        await Expect(reply).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^您好，\\n\\n顾客凭购物小票可在 七天内 申请退款。"));
        await Expect(picker.Locator("[data-kb-status]")).ToHaveTextAsync("Inserted 退款流程.");
        (await page.Locator("#post-form").CountAsync()).ShouldBe(1, "Enter in the search box did not send the reply");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/kb-picker.png", FullPage = true });
        await page.Context.CloseAsync();
    }
}
