// Transfer size (bytes on the wire: headers + encoded body) of page loads, cold and warm cache.
// Usage: node scripts/measure-page-weight.js http://127.0.0.1:5181 /f/<touchpoint code>
// Needs the Playwright driver the browser tests restore (its bundled package) and the system Chromium.
const { chromium } = require(process.env.PLAYWRIGHT_PACKAGE || require("path").join(require("os").homedir(), ".nuget/packages/microsoft.playwright/1.64.1/.playwright/package"));
const base = process.argv[2] || "http://127.0.0.1:5181";
const surveyPath = process.argv[3];
async function load(page, cdp, path) {
  const sizes = {};
  const byId = {};
  cdp.on("Network.responseReceived", e => byId[e.requestId] = e.response.url);
  const done = e => { const u = byId[e.requestId] || "?"; sizes[u] = (sizes[u] || 0) + e.encodedDataLength; };
  cdp.on("Network.loadingFinished", done);
  await page.goto(base + path, { timeout: 90000 }); await page.waitForLoadState("load"); await page.waitForTimeout(1500);
  cdp.off("Network.loadingFinished", done);
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  return { path, total, files: Object.entries(sizes).map(([u, n]) => [u.replace(base, "").replace(/\?v=.*/, ""), n]) };
}
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
    args: ["--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
  for (const lang of ["ko", "en"]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    await page.goto(base + "/Accounts/SignIn");
    await page.fill("input[type=email], input[name*=Email]", "training@servewell.demo");
    await page.fill("input[type=password]", "ServeWell-demo-1");
    await page.locator("main button[type=submit]").first().click();
    await page.waitForLoadState("load");
    if (await page.getAttribute("html", "lang") !== lang) { await page.locator(".lang button").click(); await page.waitForLoadState("load"); }
    await cdp.send("Network.clearBrowserCache");
    for (const r of [await load(page, cdp, "/People/Employees"), await load(page, cdp, "/Training/Programmes"), await load(page, cdp, "/People/Employees")]) {
      console.log(lang, r.path, r.total, JSON.stringify(r.files));
    }
    await ctx.close();
  }
  if (surveyPath) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    for (const p of [surveyPath + "?lang=ko", surveyPath + "?lang=en"]) { await cdp.send("Network.clearBrowserCache"); const r = await load(page, cdp, p); console.log("survey", r.path, r.total, JSON.stringify(r.files)); }
    await ctx.close();
  }
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
