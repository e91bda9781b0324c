import { test } from "vitest";
import { startDevGateway } from "../dev-gateway.js";
import { startFrontends } from "../frontends.js";
import { launchBrowser } from "../browser.js";

test("look", async () => {
  const gw = await startDevGateway((process.env.MODE as "ok") ?? "ok");
  const fe = await startFrontends({ gatewayUrl: gw.gatewayUrl, build: "never" });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("console", (m) => console.log("console:", m.type(), m.text()));
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  page.on("response", (r) => { if (r.status() >= 400) console.log("http", r.status(), r.url()); });
  page.on("requestfailed", (r) => console.log("reqfail:", r.url(), r.failure()?.errorText));
  for (const path of (process.env.PATHS ?? "/,/candidate").split(",")) {
    await page.goto(fe.shellUrl + path);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shots/look${path.replace(/\//g, "_")}.png`, fullPage: true });
  }
  const n = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).join("\n"));
  console.log(n);
  await browser.close(); await fe.stop(); await gw.stop();
});
