using Microsoft.Playwright;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>Whether a page fits its viewport: no visible element reaches past the right edge of the screen.</summary>
internal static class Viewport
{
    // An element inside a scroll container (a wide code block, a chart's canvas) is the container's business: only the
    // container itself must fit. Elements with no box (display: none, visually hidden helpers) are not looked at.
    private const string Script = """
        () => {
            const width = document.documentElement.clientWidth;
            const clipped = el => {
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX;
                    if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
                }
                return false;
            };
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (el.classList.length ? '.' + [...el.classList].join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
            const out = [];
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || r.width <= 1) continue;
                // Not drawn: inside a closed <details>, visibility: hidden, opacity 0 (a faded toast).
                if (!el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true, opacityProperty: true })) continue;
                if (el.closest('.sr-only, .skip-link')) continue;
                if (r.right > width + 1 && !clipped(el)) out.push(describe(el) + ' right=' + Math.round(r.right));
            }
            if (document.documentElement.scrollWidth > width + 1) out.push('page scrollWidth=' + document.documentElement.scrollWidth);
            return out.slice(0, 15);
        }
        """;

    /// <summary>The elements (at most 15) that reach past the right edge, described by tag, id, classes and text.</summary>
    public static Task<string[]> OverflowingAsync(IPage page) => page.EvaluateAsync<string[]>(Script);

    /// <summary>Fails, naming the elements at fault, when anything on the page is wider than the screen.</summary>
    public static async Task ShouldFitAsync(IPage page, string what)
    {
        var overflowing = await OverflowingAsync(page);
        overflowing.ShouldBeEmpty($"{what} ({page.Url}) is wider than the {page.ViewportSize?.Width} px screen: {string.Join("; ", overflowing)}");
    }
}
