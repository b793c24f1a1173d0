namespace RetailCrm.Sdk.Web;

/// <summary>
/// Lets each rendered form post once. The form carries the theme's <c>_FormToken</c> partial (a hidden
/// <see cref="TokenField"/> and the page it was on, <see cref="PageField"/>). The first post with a token runs;
/// when it answers with a redirect, the redirect is kept on the token and any repeat (double click, browser
/// resubmit) gets the same redirect with a notice, running nothing. When the form is shown again with errors the
/// token is released so the corrected form can be sent. A post without a token is refused with a notice and sent
/// back to its page. The kernel implements it; put it on form-post actions of pages.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PostOnceAttribute : Attribute
{
    /// <summary>The hidden field with the form's one-time token.</summary>
    public const string TokenField = "FormToken";

    /// <summary>The hidden field with the local URL of the page the form was on.</summary>
    public const string PageField = "FormPage";
}
