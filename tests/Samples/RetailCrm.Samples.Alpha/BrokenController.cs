using Microsoft.AspNetCore.Mvc;

namespace RetailCrm.Samples.Alpha;

/// <summary>Throws on purpose, so that tests see how an unhandled exception is answered: a styled 500 page for a browser, problem details otherwise.</summary>
public sealed class BrokenController : Controller
{
    public const string Secret = "alpha-broke-on-purpose";

    [HttpGet("alpha/broken")]
    [HttpGet("api/alpha/broken")]
    public IActionResult Get() => throw new InvalidOperationException($"{Secret} ({Request.Path})");
}
