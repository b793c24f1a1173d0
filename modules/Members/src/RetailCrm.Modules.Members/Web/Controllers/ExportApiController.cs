using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.Export;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>Export of the customer list as shown: the same query parameters as the search, all rows instead of a page.</summary>
[ApiController]
[Route("api/members/customers/export")]
internal sealed class ExportApiController(CustomerExporter exporter) : ControllerBase
{
    /// <summary>The list for term, tag, lifecycleClass, tier, kind, sort and descending as a CSV (UTF-8) or .xlsx file; data scope applies.</summary>
    [HttpGet]
    [RequirePermission(MembersPermissions.Export)]
    [ProducesResponseType(typeof(FileContentResult), StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task<IActionResult> Export([FromQuery] CustomerQuery query, [FromQuery] string? format, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<TableFileFormat>(format ?? "csv", ignoreCase: true, out var exportFormat) || !Enum.IsDefined(exportFormat))
        {
            return new RefusalResult(Refusal.Invalid(MembersRefusals.InvalidCode, "format", "The format is csv or xlsx."));
        }

        var file = await exporter.ExportAsync(query, exportFormat, cancellationToken);
        return file is null
            ? new RefusalResult(new Refusal(RefusalKind.Invalid, "members/export-too-large", LocalizableText.Of("More than {0} customers match; narrow the list.", CustomerExporter.MaxRows))
                .Titled("Too many rows to export"))
            : File(file.Content, file.ContentType, file.FileName);
    }
}
