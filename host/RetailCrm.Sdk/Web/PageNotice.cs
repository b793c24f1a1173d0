namespace RetailCrm.Sdk.Web;

/// <summary>The one message a page shows after a redirect (post, redirect, get); the theme's layout shows and clears it.</summary>
public static class PageNotice
{
    /// <summary>The <c>TempData</c> entry.</summary>
    public const string Key = "RetailCrm.Notice";
}
