// The accessibility gate: axe-core checks every page a browser suite visits, and a serious or
// critical violation fails the test that saw it.
//
// Nothing in a test has to remember it. `gateBrowser` (applied by `launchBrowser`) gives every
// page an init script with axe-core (`axe.source`) and a watcher, and checks the page:
// - by itself, whenever what a person sees has changed and the page has settled (no DOM change
//   for 300 ms, no finite animation running): a new document, a client-side route change, a
//   dialog, drawer, menu or listbox opening or closing, a loading state ending, a form error or
//   an alert appearing;
// - before each action a test takes (locator, page, keyboard, mouse and touch actions, goto,
//   reload) if what a person sees has changed since the last check: a dialog the test opens and
//   uses at once is checked however busy the page is;
// - when the page closes (or the test ends with it open), whatever changed.
// Each result goes to the test process at once (a binding), so a later full navigation loses
// nothing. Closing the page throws the serious and critical violations found on it, each rule
// and element once, with where it was seen (A11yViolationError). A11Y_LOG=1 lists every check.
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
  /** The offending elements: axe's CSS selector, then the start of the element's markup. */
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
    __xuekaoA11y?: { checkNow(force: boolean): Promise<void> };
  };
  const OPEN_LAYERS = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';
  const MESSAGES = '[role="alert"], .el-form-item__error, .el-message';
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
  /**
   * What a person sees, coarsely: the URL, the open layers, whether something is still loading
   * and how many messages (form errors, alerts) are showing.
   */
  const stateKey = () => {
    const layers = [...document.querySelectorAll(OPEN_LAYERS)].filter(visible).map((e) => `${e.getAttribute("role")}: ${nameOf(e)}`);
    const busy = !!document.querySelector('[aria-busy="true"], .el-loading-mask');
    const messages = [...document.querySelectorAll(MESSAGES)].filter(visible).length;
    return `${location.pathname}${location.search}${layers.length ? ` [${layers.join("; ")}]` : ""}${busy ? " (loading)" : ""}${messages ? ` (${messages} message${messages > 1 ? "s" : ""})` : ""}`;
  };
  /** No DOM change for a while, no finite animation or transition running (a fade half way fails contrast). */
  const animating = () => document.getAnimations().some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity);
  const settled = () => performance.now() - lastMutation >= options.quietMs && document.readyState !== "loading" && !animating();

  /** The element's selector, then the start of its markup: generated ids alone say little. */
  const describe = (node: { target: unknown[]; html: string }) => {
    const html = node.html.replace(/\s+/g, " ");
    return `${node.target.map(String).join(" >>> ")}  ${html.length > 160 ? `${html.slice(0, 160)}…` : html}`;
  };

  /** axe.run, waiting for someone else's run (a one-off checkA11y) to finish first. */
  async function runAxe(context: unknown) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await w.axe.run(context as never, { resultTypes: ["violations"] });
      } catch (error) {
        if (attempt >= 100 || !String(error).includes("already running")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  async function run(): Promise<void> {
    const where = stateKey();
    lastKey = where;
    let report: Report;
    try {
      const context = options.exclude.length ? { include: [document], exclude: options.exclude.map((s) => [s]) } : document;
      const results = await runAxe(context);
      report = {
        where,
        violations: results.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          helpUrl: v.helpUrl,
          targets: v.nodes.map((n) => describe(n)),
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
    /**
     * Checks the page once it has settled (within reason): always when `force`, otherwise only
     * if what a person sees has changed since the last check.
     */
    async checkNow(force: boolean) {
      if (!force && !running && stateKey() === lastKey) return;
      clearTimeout(timer);
      const deadline = performance.now() + 3000;
      while ((running || !settled()) && performance.now() < deadline) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, 50)));
      }
      // A page that never stops changing is checked anyway, but never half way through a
      // transition (a popup fading in has no visible text yet): a loaded machine runs them slowly.
      const transitionsDeadline = performance.now() + 5000;
      while (animating() && performance.now() < transitionsDeadline) await new Promise((resolve) => setTimeout(resolve, 50));
      while (running) await running;
      if (!force && stateKey() === lastKey) return;
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
  /** Checks the page, and waits for the result, if what a person sees changed since the last check. */
  checkIfChanged(): Promise<void>;
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
    // A11Y_LOG=1 lists every check, to see what the gate looked at.
    if (process.env.A11Y_LOG) console.log(`axe: ${report.where}: ${report.error ? "failed to run" : `${failing(report).length} serious/critical, ${report.violations.length} in all`}`);
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

  const check = async (force: boolean) => {
    if (page.isClosed() || page.url() === "about:blank") return;
    try {
      await page.evaluate((f) => (window as unknown as { __xuekaoA11y?: { checkNow(force: boolean): Promise<void> } }).__xuekaoA11y?.checkNow(f), force);
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
    checkNow: () => check(true),
    checkIfChanged: () => check(false),
    assertClean() {
      if (errors.length) throw new Error(`axe-core could not check the page:\n${errors.join("\n")}`);
      if (violations.length) throw new A11yViolationError(violations);
    },
  };
  watches.set(page, watch);

  // The state a test acts on is checked before it acts (a dialog it opened and is about to use
  // or close), so nothing depends on the page happening to stay idle long enough.
  gateActions(page, watch);
  for (const input of [page.keyboard, page.mouse, page.touchscreen] as unknown as Callable[]) {
    for (const name of INPUT_ACTIONS) {
      const original = input[name];
      if (typeof original !== "function") continue;
      input[name] = async (...args: unknown[]) => {
        await watch.checkIfChanged();
        return original.apply(input, args);
      };
    }
  }
  // The document's last state before it is replaced or closed is checked too, whatever changed.
  const close = page.close.bind(page);
  page.close = async (closeOptions) => {
    if (!page.isClosed()) await watch.checkNow();
    await close(closeOptions);
    watch.assertClean();
  };
  const goto = page.goto.bind(page);
  page.goto = async (url, gotoOptions) => {
    await watch.checkIfChanged();
    return goto(url, gotoOptions);
  };
  const reload = page.reload.bind(page);
  page.reload = async (reloadOptions) => {
    await watch.checkIfChanged();
    return reload(reloadOptions);
  };

  // A page the test leaves open is judged when the test ends (outside a test there is no test to fail).
  try {
    onTestFinished(async () => {
      if (page.isClosed()) return;
      await watch.checkNow();
      watch.assertClean();
    });
  } catch {
    // not inside a test
  }
  return watch;
}

/** What a person does to a page: before each, the gate looks at the page if it has changed. */
const LOCATOR_ACTIONS = [
  "check", "clear", "click", "dblclick", "dragTo", "fill", "focus", "hover", "press", "pressSequentially",
  "selectOption", "selectText", "setChecked", "setInputFiles", "tap", "type", "uncheck",
] as const;
const PAGE_ACTIONS = ["check", "click", "dblclick", "dragAndDrop", "fill", "focus", "hover", "press", "selectOption", "setChecked", "setInputFiles", "tap", "type", "uncheck"] as const;
const INPUT_ACTIONS = ["press", "type", "insertText", "down", "up", "click", "dblclick", "move", "wheel", "tap"] as const;
const GATED = Symbol("xuekao.a11y.gated");

type Callable = Record<string, (...args: unknown[]) => Promise<unknown>> & { [GATED]?: true };

/**
 * Locators are made by the thousand, so their class is wrapped once (the wrapper finds the
 * locator's page and its watch); the page's own shortcuts (page.click, page.fill, …) per page.
 */
function gateActions(page: Page, watch: A11yWatch): void {
  const locatorClass = Object.getPrototypeOf(page.locator("html")) as Callable;
  if (!locatorClass[GATED]) {
    locatorClass[GATED] = true;
    for (const name of LOCATOR_ACTIONS) {
      const original = locatorClass[name];
      if (typeof original !== "function") continue;
      locatorClass[name] = async function (this: { page(): Page }, ...args: unknown[]) {
        await watches.get(this.page())?.checkIfChanged();
        return original.apply(this, args);
      };
    }
  }
  const target = page as unknown as Callable;
  for (const name of PAGE_ACTIONS) {
    const original = target[name];
    if (typeof original !== "function") continue;
    target[name] = async (...args: unknown[]) => {
      await watch.checkIfChanged();
      return original.apply(page, args);
    };
  }
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
    // The gate's watcher may be running axe on this page: wait for it.
    const results = await (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await w.axe.run(context as never, { resultTypes: ["violations"] });
        } catch (error) {
          if (attempt >= 100 || !String(error).includes("already running")) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    })();
    return {
      where: `${location.pathname}${location.search}`,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        targets: v.nodes.map((n) => {
          const html = n.html.replace(/\s+/g, " ");
          return `${n.target.map(String).join(" >>> ")}  ${html.length > 160 ? `${html.slice(0, 160)}…` : html}`;
        }),
      })),
    };
  }, A11Y_EXCLUDE.map((e) => e.selector));
  return failing(report);
}
