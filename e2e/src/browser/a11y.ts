// The accessibility gate: axe-core checks every page a browser suite visits, and a serious or
// critical violation fails the test that saw it.
//
// Nothing in a test has to remember it. `gateBrowser` (applied by `launchBrowser`) gives every
// page an init script with axe-core and a watcher. The watcher checks the page whenever what a
// person sees has changed and the page has settled: a new document, a client-side route change,
// a dialog, drawer, menu or listbox opening or closing, a loading state ending. Each result goes
// to the test process at once (a binding), so a later full navigation loses nothing. Closing the
// page checks its last state too, then throws the violations found on it; pages a test leaves
// open are checked and reported when the test finishes.
import axe from "axe-core";
import { onTestFinished } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";

/** What fails the gate; `minor` and `moderate` findings are left to review. */
export const FAILING_IMPACTS = ["serious", "critical"] as const;

/**
 * Selectors axe must not look into, each with why. Every entry is a last resort: something inside
 * a third-party component that neither its props, its slots nor our markup can fix.
 */
export const A11Y_EXCLUDE: readonly { selector: string; why: string }[] = [];

export interface A11yViolation {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors (axe's targets) of the offending elements. */
  targets: string[];
  /** The page and state it was seen on, e.g. `/candidate` or `/candidate [dialog: 站内消息]`. */
  where: string;
}

export class A11yViolationError extends Error {
  constructor(readonly violations: A11yViolation[]) {
    super(formatViolations(violations));
    this.name = "A11yViolationError";
  }
}

/** One line per violation and one per element: rule id, impact, where, help text, selectors. */
export function formatViolations(violations: readonly A11yViolation[]): string {
  const lines = [`axe-core: ${violations.length} serious or critical accessibility violation(s)`];
  for (const v of violations) {
    lines.push(`- [${v.impact}] ${v.rule} on ${v.where}: ${v.help} (${v.helpUrl})`);
    for (const target of v.targets) lines.push(`    ${target}`);
  }
  return lines.join("\n");
}

/** The payload the page sends for one axe run (plain data: it crosses the binding as JSON). */
interface RunReport {
  where: string;
  error?: string;
  violations: { id: string; impact: string | null; help: string; helpUrl: string; targets: string[] }[];
}

function failing(report: RunReport): A11yViolation[] {
  return report.violations
    .filter((v) => (FAILING_IMPACTS as readonly (string | null)[]).includes(v.impact))
    .map((v) => ({ rule: v.id, impact: v.impact ?? "", help: v.help, helpUrl: v.helpUrl, targets: v.targets, where: report.where }));
}

interface WatcherOptions {
  exclude: string[];
  /** How long the DOM must stay unchanged before a check. */
  quietMs: number;
}

/**
 * Runs inside every frame before the page's own scripts (serialised by playwright: it must not
 * use anything from this module's scope). Only the top frame watches; axe checks iframes itself.
 */
function installWatcher(options: WatcherOptions): void {
  if (window.top !== window || location.protocol === "about:") return;
  type Report = RunReport;
  const w = window as unknown as {
    axe: typeof axe;
    __xuekaoA11yReport?: (report: Report) => Promise<void>;
    __xuekaoA11y?: { checkNow(): Promise<void> };
  };
  const OPEN_LAYERS = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';
  let lastKey: string | null = null;
  let lastMutation = performance.now();
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const visible = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  const nameOf = (element: Element) =>
    element.getAttribute("aria-label") ??
    (element.getAttribute("aria-labelledby") ? document.getElementById(element.getAttribute("aria-labelledby") ?? "")?.textContent?.trim() : null) ??
    element.getAttribute("role") ??
    "layer";
  /** What a person sees, coarsely: the URL, the open layers and whether something is still loading. */
  const stateKey = () => {
    const layers = [...document.querySelectorAll(OPEN_LAYERS)].filter(visible).map((e) => `${e.getAttribute("role")}: ${nameOf(e)}`);
    const busy = !!document.querySelector('[aria-busy="true"], .el-loading-mask');
    return `${location.pathname}${location.search}${layers.length ? ` [${layers.join("; ")}]` : ""}${busy ? " (loading)" : ""}`;
  };
  /** No DOM change for a while, no finite animation or transition running (a fade half way fails contrast). */
  const settled = () =>
    performance.now() - lastMutation >= options.quietMs &&
    document.readyState !== "loading" &&
    !document.getAnimations().some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity);

  async function run(): Promise<void> {
    const where = stateKey();
    lastKey = where;
    let report: Report;
    try {
      const context = options.exclude.length ? { include: [document], exclude: options.exclude.map((s) => [s]) } : document;
      const results = await w.axe.run(context as never, { resultTypes: ["violations"] });
      report = {
        where,
        violations: results.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          helpUrl: v.helpUrl,
          targets: v.nodes.map((n) => n.target.map(String).join(" >>> ")),
        })),
      };
    } catch (error) {
      report = { where, error: String((error as Error)?.stack ?? error), violations: [] };
    }
    await w.__xuekaoA11yReport?.(report);
  }

  function schedule(delay = options.quietMs): void {
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
  }
  function tick(): void {
    if (running) return schedule();
    if (!settled()) return schedule(100);
    if (stateKey() === lastKey) return;
    running = run().finally(() => {
      running = null;
      schedule();
    });
  }

  w.__xuekaoA11y = {
    /** Checks the page as it is now (after letting it settle, within reason), whatever was checked before. */
    async checkNow() {
      clearTimeout(timer);
      const deadline = performance.now() + 3000;
      while ((running || !settled()) && performance.now() < deadline) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, 50)));
      }
      while (running) await running;
      running = run().finally(() => {
        running = null;
      });
      await running;
    },
  };

  new MutationObserver(() => {
    lastMutation = performance.now();
    schedule();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // A route change that happens to leave the DOM as it was still counts.
  for (const method of ["pushState", "replaceState"] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History["pushState"]>) {
      const result = original.apply(this, args);
      schedule();
      return result;
    };
  }
  addEventListener("popstate", () => schedule());
  schedule();
}

/** What the gate knows of one page. */
export interface A11yWatch {
  /** Serious and critical violations seen so far (each rule and element once). */
  readonly violations: A11yViolation[];
  /** Errors axe itself threw: a gate that could not run must not pass. */
  readonly errors: string[];
  /** How many checks completed: tests of the gate use it. */
  readonly runs: number;
  /** Checks the page as it is now and waits for the result. */
  checkNow(): Promise<void>;
  /** Throws an A11yViolationError if anything failed (and an Error if axe could not run). */
  assertClean(): void;
}

const watches = new WeakMap<Page, A11yWatch>();

/** The gate's record of `page` (undefined for a page `gateBrowser` never saw). */
export function a11yWatchOf(page: Page): A11yWatch | undefined {
  return watches.get(page);
}

/** Installs the watcher in `page` (before its first navigation) and wraps close/goto/reload. */
export async function watchA11y(page: Page, options: { quietMs?: number } = {}): Promise<A11yWatch> {
  const existing = watches.get(page);
  if (existing) return existing;
  const seen = new Set<string>();
  const violations: A11yViolation[] = [];
  const errors: string[] = [];
  let runs = 0;
  const record = (report: RunReport) => {
    runs++;
    if (report.error) errors.push(`${report.where}: ${report.error}`);
    for (const v of failing(report)) {
      const targets = v.targets.filter((t) => !seen.has(`${v.rule} ${t}`));
      if (!targets.length) continue;
      for (const t of targets) seen.add(`${v.rule} ${t}`);
      violations.push({ ...v, targets });
    }
  };
  await page.exposeBinding("__xuekaoA11yReport", (_source, report: RunReport) => record(report));
  await page.addInitScript({ content: axe.source });
  await page.addInitScript(installWatcher, { exclude: A11Y_EXCLUDE.map((e) => e.selector), quietMs: options.quietMs ?? 300 });

  const checkNow = async () => {
    if (page.isClosed() || page.url() === "about:blank") return;
    try {
      await page.evaluate(() => (window as unknown as { __xuekaoA11y?: { checkNow(): Promise<void> } }).__xuekaoA11y?.checkNow());
    } catch (error) {
      // The page navigated away or closed during the check: what it had reported still counts.
      if (!/Execution context was destroyed|Target page, context or browser has been closed/.test(String(error))) throw error;
    }
  };
  const watch: A11yWatch = {
    violations,
    errors,
    get runs() {
      return runs;
    },
    checkNow,
    assertClean() {
      if (errors.length) throw new Error(`axe-core could not check the page:\n${errors.join("\n")}`);
      if (violations.length) throw new A11yViolationError(violations);
    },
  };
  watches.set(page, watch);

  // The document's last state before it is replaced or closed is checked too.
  const close = page.close.bind(page);
  page.close = async (closeOptions) => {
    if (!page.isClosed()) await checkNow();
    await close(closeOptions);
    watch.assertClean();
  };
  const goto = page.goto.bind(page);
  page.goto = async (url, gotoOptions) => {
    await checkNow();
    return goto(url, gotoOptions);
  };
  const reload = page.reload.bind(page);
  page.reload = async (reloadOptions) => {
    await checkNow();
    return reload(reloadOptions);
  };

  // A page the test leaves open is judged when the test ends (outside a test there is no test to fail).
  try {
    onTestFinished(async () => {
      if (page.isClosed()) return;
      await checkNow();
      watch.assertClean();
    });
  } catch {
    // not inside a test
  }
  return watch;
}

function gateContext(context: BrowserContext): BrowserContext {
  const newPage = context.newPage.bind(context);
  context.newPage = async () => {
    const page = await newPage();
    await watchA11y(page);
    return page;
  };
  return context;
}

/** Every page made through `browser` (newPage, or newContext().newPage) is watched by the gate. */
export function gateBrowser(browser: Browser): Browser {
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await watchA11y(page);
    return page;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => gateContext(await newContext(options));
  return browser;
}

/** A one-off check of the page as it is, for a page without the watcher (axe injected on demand). */
export async function checkA11y(page: Page): Promise<A11yViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axe.source });
  const report = await page.evaluate(async (exclude: string[]): Promise<RunReport> => {
    const w = window as unknown as { axe: typeof axe };
    const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
    const results = await w.axe.run(context as never, { resultTypes: ["violations"] });
    return {
      where: `${location.pathname}${location.search}`,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        targets: v.nodes.map((n) => n.target.map(String).join(" >>> ")),
      })),
    };
  }, A11Y_EXCLUDE.map((e) => e.selector));
  return failing(report);
}
