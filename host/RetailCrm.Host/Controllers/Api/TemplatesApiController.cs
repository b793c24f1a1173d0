using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Messaging;
using RetailCrm.Kernel.Templates;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Host.Controllers.Api;

/// <summary>A tenant's text of a template in a culture (<c>en</c> or <c>zh-CN</c>).</summary>
public sealed record SaveTemplateRequest(string? Culture, string? Text);

/// <summary>The message templates of the kernel and the enabled modules, and the tenant's own texts of them.</summary>
[ApiController]
[Route("api/admin/templates")]
public sealed class TemplatesApiController(ITemplateAdministration templates) : ControllerBase
{
    /// <summary>Lists every template in every culture, and whether the tenant overrides it.</summary>
    [HttpGet]
    [RequirePermission(MessagingPermissions.Templates)]
    public Task<IReadOnlyList<TemplateRow>> List(CancellationToken cancellationToken) => templates.ListAsync(cancellationToken);

    /// <summary>Saves the tenant's text; 400 names the field <c>text</c> and the line and column of the first error.</summary>
    [HttpPut("{key}")]
    [RequirePermission(MessagingPermissions.Templates)]
    public async Task<IActionResult> Save(string key, SaveTemplateRequest request, CancellationToken cancellationToken) =>
        (await templates.SaveAsync(key, request.Culture ?? "en", request.Text, cancellationToken)).ToActionResult(saved => Ok(saved));

    /// <summary>Removes the tenant's text, so the module's default applies again.</summary>
    [HttpDelete("{key}")]
    [RequirePermission(MessagingPermissions.Templates)]
    public async Task<IActionResult> Reset(string key, string? culture, CancellationToken cancellationToken) =>
        (await templates.ResetAsync(key, culture ?? "en", cancellationToken)).ToActionResult(saved => Ok(saved));
}
