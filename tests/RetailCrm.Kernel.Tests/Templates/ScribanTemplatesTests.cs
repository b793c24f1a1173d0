using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.Templates;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Kernel.Tests.Templates;

public sealed class ScribanTemplatesTests
{
    private sealed record Ticket(string Number, string CustomerName, IReadOnlyList<string> Lines);

    private static Task<(RenderedTemplate? Rendered, IReadOnlyList<TemplateError> Errors)> RenderAsync(string text, object model) =>
        ScribanTemplates.RenderAsync(text, ScribanTemplates.Serialize(model), CancellationToken.None);

    [Fact]
    public async Task Should_read_the_model_snake_case_and_take_subject_and_html_from_captures()
    {
        var (rendered, errors) = await RenderAsync(
            "{{ capture subject }} Re: #{{ ticket.number }} {{ end }}{{ capture html }}<b>{{ ticket.customer_name }}</b>{{ end }}\nDear {{ ticket.customer_name }}, {{ ticket.lines | array.size }} lines.\n",
            new { Ticket = new Ticket("T-7", "张伟", ["a", "b"]) });

        errors.ShouldBeEmpty();
        rendered.ShouldBe(new RenderedTemplate("Re: #T-7", "Dear 张伟, 2 lines.", "<b>张伟</b>"));
    }

    [Fact]
    public void Should_give_the_line_and_column_of_a_syntax_error()
    {
        var errors = ScribanTemplates.Validate("Hello\n\n   {{ for }}");

        errors.ShouldNotBeEmpty();
        errors[0].Line.ShouldBe(3);
        errors[0].Column.ShouldBeGreaterThan(3);
        errors[0].ToString().ShouldStartWith("line 3, column ");
    }

    [Fact]
    public async Task Should_fail_on_an_unknown_variable_instead_of_sending_a_blank()
    {
        var (rendered, errors) = await RenderAsync("Dear {{ custmer.name }}", new { Customer = new { Name = "Li" } });

        rendered.ShouldBeNull();
        errors.Single().Message.ShouldContain("custmer");
        errors.Single().Line.ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_includes_since_templates_have_no_loader()
    {
        var (rendered, errors) = await RenderAsync("{{ include '/etc/passwd' }}", new { });

        rendered.ShouldBeNull();
        errors.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Should_stop_a_runaway_loop_at_the_loop_limit()
    {
        var (rendered, errors) = await RenderAsync("{{ for i in 1..1000000 }}x{{ end }}", new { });

        rendered.ShouldBeNull();
        errors.Single().Message.ShouldContain("loop", Case.Insensitive);
    }

    [Fact]
    public async Task Should_stop_runaway_recursion()
    {
        var (rendered, errors) = await RenderAsync("{{ func f(n)\n ret f(n + 1)\nend }}{{ f 1 }}", new { });

        rendered.ShouldBeNull();
        errors.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("en-US", "en")]
    [InlineData(null, "en")]
    public void Should_read_chinese_for_every_chinese_culture_and_english_otherwise(string? culture, string expected) =>
        TemplateCatalog.Normalize(culture).ShouldBe(expected);

    [Fact]
    public void Should_take_the_culture_variant_when_embedded_and_the_neutral_text_otherwise()
    {
        var catalog = new TemplateCatalog([new RetailCrm.Kernel.Messaging.KernelTemplates()], new ModuleCatalog([]));
        var definition = catalog.Find("crm.mail-check")!;

        TemplateCatalog.DefaultText(definition, "zh-CN").ShouldContain("邮件设置检查");
        TemplateCatalog.DefaultText(definition, "en").ShouldContain("e-mail check");
        TemplateCatalog.HasVariant(definition, "zh-CN").ShouldBeTrue();
    }

    [Fact]
    public void Should_refuse_a_key_outside_the_modules_prefix() =>
        Should.Throw<InvalidOperationException>(() => new TemplateCatalog([new ForeignKeyProvider()], new ModuleCatalog([])))
            .Message.ShouldContain("must start with its module's id 'crm.'");

    private sealed class ForeignKeyProvider : ITemplateDefinitionProvider
    {
        public void Define(ITemplateDefinitionContext context) => context.Add(new TemplateDefinition("cards.receipt", "Receipt"));
    }
}
