namespace ServeWell.Web.BrowserTests.Infrastructure;

/// <summary>Checks that leadership can project a page in a meeting (issue 13, ADR-038): nothing cut off, charts readable.</summary>
public static class PageLayout
{
    /// <summary>The smallest text a chart may show, in CSS pixels on screen.</summary>
    public const double SmallestChartText = 11;

    /// <summary>
    /// Fails when the page is wider than the screen: the document scrolls sideways, so something is cut off at the
    /// right edge. Wide tables must scroll inside their own box instead.
    /// </summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        // Elements that stick out past the viewport are named, so the failure says what to fix.
        var result = await page.EvaluateAsync<WidthReport>(
            """
            () => {
              const doc = document.documentElement;
              const width = doc.clientWidth;
              const wide = [];
              for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.right > width + 1 && r.width > 0 && getComputedStyle(el).position !== 'fixed') {
                  let inScroller = false;
                  // A scrolling box clips what it contains; an absolutely positioned element is contained by its nearest
                  // positioned ancestor (offsetParent), so a scroller below that one does not clip it.
                  const start = getComputedStyle(el).position === 'absolute' ? el.offsetParent : el.parentElement;
                  for (let p = start; p && p !== document.body; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX;
                    if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') { inScroller = true; break; }
                  }
                  if (!inScroller) {
                    wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' (' + Math.round(r.right) + ' px)');
                  }
                }
              }
              return { scrollWidth: doc.scrollWidth, clientWidth: width, wide: wide.slice(0, 8) };
            }
            """);
        if (result.ScrollWidth > result.ClientWidth)
        {
            Assert.Fail($"{what} is wider than the screen ({page.Url}): the document is {result.ScrollWidth} px wide in a {result.ClientWidth} px viewport. Sticking out: {string.Join(", ", result.Wide)}");
        }
    }

    /// <summary>Fails when any text in an SVG chart is drawn smaller than <see cref="SmallestChartText"/> px (its font size times the SVG's scale) or runs past the chart's edge.</summary>
    public static async Task AssertChartTextReadableAsync(IPage page, string what)
    {
        var small = await page.EvaluateAsync<string[]>(
            """
            (smallest) => [...document.querySelectorAll('svg text')]
              .filter(t => t.getClientRects().length > 0 && t.textContent.trim() !== '')
              .map(t => {
                const box = t.getBoundingClientRect(), svg = t.ownerSVGElement.getBoundingClientRect();
                const cut = box.left < svg.left - 0.5 || box.right > svg.right + 0.5 || box.top < svg.top - 0.5 || box.bottom > svg.bottom + 0.5;
                return { text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a, cut };
              })
              .filter(t => t.px < smallest || t.cut)
              .map(t => t.cut ? `"${t.text}" cut off at the chart's edge` : `"${t.text}" at ${t.px.toFixed(1)} px`)
              .slice(0, 8)
            """, SmallestChartText);
        if (small.Length > 0)
        {
            Assert.Fail($"{what} has chart text below {SmallestChartText} px or cut off ({page.Url}): {string.Join(", ", small)}");
        }
    }

    // Playwright fills the result through a parameterless constructor and setters.
    private sealed class WidthReport
    {
        public int ScrollWidth { get; set; }

        public int ClientWidth { get; set; }

        public string[] Wide { get; set; } = [];
    }
}
