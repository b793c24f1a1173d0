using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.Export;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>Export of the customer list as shown: the same query parameters as the search, all rows instead of a page.</summary>
[ApiController]
[Route("api/members/customers/export")]
internal sealed class ExportApiController(CustomerExporter exporter) : ControllerBase
{
    /// <summary>The list for term, tag, lifecycleClass, tier, kind, sort and descending as a CSV (UTF-8) or .xlsx file; data scope applies.</summary>
    [HttpGet]
    [RequirePermission(MembersPermissions.Export)]
    public async Task<IActionResult> Export([FromQuery] CustomerQuery query, [FromQuery] string? format, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ExportFormat>(format ?? "csv", ignoreCase: true, out var exportFormat) || !Enum.IsDefined(exportFormat))
        {
            return MembersProblems.Invalid("format", "The format is csv or xlsx.");
        }

        var file = await exporter.ExportAsync(query, exportFormat, cancellationToken);
        return file is null
            ? MembersProblems.Problem(400, "export-too-large", "Too many rows to export", $"More than {CustomerExporter.MaxRows} customers match; narrow the list.")
            : File(file.Content, file.ContentType, file.FileName);
    }
}
