namespace RetailCrm.Sdk.Web;

/// <summary>
/// What the theme's <c>Views/Shared/Error.cshtml</c> shows when a browser meets an error: the kernel renders it for a
/// request that accepts HTML (outside <c>/api</c>), where the API answers RFC 9457 problem details.
/// </summary>
/// <param name="Status">The HTTP status: 403, 404, 500 ...; the theme says in the user's language what it means.</param>
/// <param name="Reason">Why, in the user's language, when the refusal says more than the status (e.g. the permission missing); otherwise null.</param>
/// <param name="Exception">The exception, in Development only; never shown elsewhere.</param>
/// <param name="BackUrl">The local page the user came from, for a way back; null when there is none.</param>
public sealed record ErrorPage(int Status, string? Reason = null, string? Exception = null, string? BackUrl = null);
