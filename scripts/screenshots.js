// Screenshots of the main pages for README.md, from a running app with the demo city.
// Usage: node scripts/screenshots.js http://127.0.0.1:5181 docs/screenshots
// Needs the Playwright driver the browser tests restore (its bundled package) and the system Chromium.
const path = require("path");
const { chromium } = require(process.env.PLAYWRIGHT_PACKAGE || path.join(require("os").homedir(), ".nuget/packages/microsoft.playwright/1.64.1/.playwright/package"));
const base = process.argv[2] || "http://127.0.0.1:5181";
const out = process.argv[3] || "docs/screenshots";
const shots = [
  // [file, account (or null for a citizen), path, width, language]
  ["home-leadership-ko", "leader", "/", 1280, "ko"],
  ["home-supervisor-ko", "supervisor", "/", 1280, "ko"],
  ["home-employee-ko-phone", "employee", "/", 390, "ko"],
  ["home-training-officer-en", "training", "/", 1280, "en"],
  ["insights-overview-ko", "leader", "/Insights", 1280, "ko"],
  ["follow-ups-ko", "supervisor", "/FollowUps", 1280, "ko"],
  ["kiosk-ko", null, "/kiosk", 1280, "ko"],
];
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
    args: ["--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
  require("fs").mkdirSync(out, { recursive: true });
  for (const [file, account, pagePath, width, lang] of shots) {
    const ctx = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, deviceScaleFactor: 1 });
    await ctx.addCookies([{ name: ".AspNetCore.Culture", value: `c=${lang}|uic=${lang}`, url: base }]);
    const page = await ctx.newPage();
    if (account) {
      await page.goto(base + "/Accounts/SignIn");
      await page.fill("input[type=email], input[name*=Email]", `${account}@servewell.demo`);
      await page.fill("input[type=password]", "ServeWell-demo-1");
      await page.locator("main button[type=submit]").first().click();
      await page.waitForLoadState("load");
    }
    await page.goto(base + pagePath, { timeout: 120000 });
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(out, file + ".png") });
    console.log(file);
    await ctx.close();
  }
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
