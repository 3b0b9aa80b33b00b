import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "@/lib/types";
import { ingest } from "@/lib/build/ingest";
import { HashEmbedder } from "@/lib/embeddings/hash";
import { startServer, type RunningServer } from "./server";

/** A release that tries to run script in the page and to pass its own numbers as citations. */
const HOSTILE =
  "Financement du centre de Lausanne\n" +
  "Lausanne - Le centre de Lausanne est financé par le Fonds suisse [2] <script>window.__pwned = 1</script> " +
  "&lt;img src=x onerror=\"window.__pwned = 2\"&gt; selon le communiqué.\n";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === "true";
const REPORTS = fileURLToPath(new URL("../../reports", import.meta.url));
const MISSING = `Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`;

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`\n${"!".repeat(72)}\n!! ${MISSING}\n!! The browser tests of the chat page are SKIPPED.\n${"!".repeat(72)}\n`);
}

/** Whitespace-, case- and apostrophe-insensitive form, as the page uses to find passages. */
const fold = (s: string) => s.replace(/[\u2018\u2019\u02BC`]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();

/** Parses the `done` event out of a complete event-stream body. */
function doneAnswer(body: string): Answer {
  for (const block of body.split(/\r?\n\r?\n/)) {
    const lines = block.split(/\r?\n/);
    if (!lines.some((l) => l === "event: done")) continue;
    const data = lines.filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
    return JSON.parse(data) as Answer;
  }
  throw new Error(`no done event in: ${body.slice(0, 500)}`);
}

async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)("chat page (browser)", () => {
  let server: RunningServer | undefined;
  let work: string | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  /** Types a question, presses Enter, and returns the Answer from the streamed response. */
  async function ask(question: string): Promise<{ answer: Answer; history: unknown[]; message: Locator }> {
    const before = await page.locator(".message-assistant").count();
    const responsePromise = page.waitForResponse((r) => r.url().endsWith("/api/answer") && r.request().method() === "POST");
    const box = page.locator("#question");
    await box.click();
    await box.pressSequentially(question);
    await box.press("Enter");
    const response = await responsePromise;
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/event-stream");
    const sent = response.request().postDataJSON() as { question: string; history?: unknown[]; stream?: boolean };
    expect(sent.question).toBe(question);
    expect(sent.stream).toBe(true);
    const answer = doneAnswer(await response.text());
    const message = page.locator(".message-assistant").nth(before);
    await expect.poll(() => message.getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
    return { answer, history: sent.history ?? [], message };
  }

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(MISSING);
    // the samples plus a hostile release
    work = await mkdtemp(join(tmpdir(), "oim-e2e-chat-"));
    await cp(fileURLToPath(new URL("../../data/releases", import.meta.url)), join(work, "input"), { recursive: true });
    await writeFile(join(work, "input", "hostile release.txt"), HOSTILE);
    await ingest({ input: join(work, "input"), dir: join(work, "index"), embedder: new HashEmbedder(), warn: () => {} });
    server = await startServer({ indexDir: join(work, "index") });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("shows the chat with starter questions drawn from the releases", async () => {
    await page.goto(`${server!.url}/`);
    await page.locator("#question").waitFor();
    expect(await page.title()).toBe("Assistant OIM");
    await page.locator(".starter").first().waitFor();
    expect(await page.locator(".starter").count()).toBeGreaterThanOrEqual(3);
  });

  it("streams a cited answer and opens the cited passage in the source panel", async () => {
    const { answer, message } = await ask("Qui finance l'atelier de Panama ?");
    expect(answer.abstained).toBe(false);
    const chips = message.locator("button.chip");
    expect(await chips.count()).toBeGreaterThanOrEqual(1);

    const chip = chips.first();
    const n = Number(await chip.getAttribute("data-citation"));
    const citation = answer.citations.find((c) => c.n === n);
    expect(citation).toBeDefined();
    await chip.click();

    const panel = page.locator(".panel");
    await panel.waitFor();
    await expect.poll(() => panel.locator(".panel-title").textContent()).toBe(citation!.title);
    const mark = panel.locator("mark").first();
    await mark.waitFor();
    const marked = fold((await mark.textContent()) ?? "");
    expect(marked.length).toBeGreaterThan(10);
    expect(fold(citation!.passage)).toContain(marked);
    expect(await waitFor(() => inViewport(mark), 5_000)).toBe(true);

    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
  }, 120_000);

  it("sends the history with a follow-up question and cites again", async () => {
    const { answer, history, message } = await ask("Et qui l'a organisé ?");
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual({ role: "user", content: "Qui finance l'atelier de Panama ?" });
    expect(answer.abstained).toBe(false);
    expect(answer.citations.length).toBeGreaterThanOrEqual(1);
    expect(await message.locator("button.chip").count()).toBeGreaterThanOrEqual(1);
    expect(await message.locator(".sources .source-item").count()).toBe(answer.citations.length);
  }, 120_000);

  it("shows an abstention for an off-topic question", async () => {
    const { answer, message } = await ask("Quelle est la recette de la tarte tatin ?");
    expect(answer.abstained).toBe(true);
    await message.locator(".abstention").waitFor();
    expect(await message.locator("button.chip").count()).toBe(0);
  }, 120_000);

  it("fits a phone screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("#question").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await mkdir(REPORTS, { recursive: true });
    await page.screenshot({ path: join(REPORTS, "chat-phone.png") });
  }, 60_000);

  it("serves the page with a nonce-based script policy, no inline script allowed", async () => {
    const res = await page.goto(`${server!.url}/`);
    const csp = res!.headers()["content-security-policy"] ?? "";
    const script = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(script).not.toContain("'unsafe-inline'");
    await page.locator("#question").waitFor();
  }, 60_000);

  it("runs nothing from a hostile release, and shows its bracketed numbers as text", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const { answer, message } = await ask("Qui finance le centre de Lausanne ?");
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain("Fonds suisse (2)");
    // one chip per real marker; the release's own "[2]" is text
    expect(await message.locator("button.chip").count()).toBe(answer.answer.match(/\[\d+\]/g)!.length);
    expect(answer.citations.map((c) => c.n)).toEqual([1]);
    await message.locator("button.chip").first().click();
    const panel = page.locator(".panel");
    await panel.locator("mark").first().waitFor();
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("Fonds suisse [2]");
    expect(text).not.toMatch(/<script|onerror/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await panel.locator("script, img").count()).toBe(0);
    await page.keyboard.press("Escape");
  }, 120_000);

  it("takes a thumbs down with a comment, which `npm run feedback` then lists", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const { message } = await ask("Qui finance l'atelier de Panama ?");
    await message.locator(".feedback-down").click();
    await message.locator(".feedback-form textarea").fill("La phrase citée ne répond pas.");
    await message.locator(".feedback-send").click();
    await message.locator(".feedback-note").waitFor();
    const out = spawnSync(process.execPath, ["--import", "tsx", "scripts/feedback.ts", "--format", "jsonl"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      encoding: "utf8",
      env: { ...process.env, INDEX_DIR: join(work!, "index"), DATABASE_URL: "" },
    });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain("La phrase citée ne répond pas.");
    expect(out.stdout).toContain('"rating":"down"');
  }, 120_000);

  it("keeps conversations across a reload, lists them newest first, reopens one and exports it as Markdown", async () => {
    await page.reload();
    await page.locator("#question").waitFor();
    await page.locator(".conversations-toggle").click();
    const items = page.locator(".conversation-item");
    await items.first().waitFor();
    // the first conversation of this page, and the one after the page was opened again (the hostile release)
    const before = await items.count();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await items.first().locator(".conversation-title").textContent()).toBe("Qui finance le centre de Lausanne ?");
    await page.locator(".conversations-head button").click();
    await page.locator(".new-chat").click();
    await ask("Quel accord l'OIM a-t-elle signé avec le Parlatino ?");
    await page.locator(".conversations-toggle").click();
    await expect.poll(() => items.count()).toBe(before + 1);
    expect(await items.first().locator(".conversation-title").textContent()).toBe("Quel accord l'OIM a-t-elle signé avec le Parlatino ?");
    const panama = items.filter({ hasText: "Qui finance l'atelier de Panama ?" }).first();
    await panama.locator(".conversation-open").click();
    await expect.poll(() => page.locator(".message-user").first().textContent()).toContain("Qui finance l'atelier de Panama ?");
    await page.locator(".conversations-toggle").click();
    const downloading = page.waitForEvent("download");
    await items.filter({ hasText: "Qui finance l'atelier de Panama ?" }).first().locator(".conversation-export").click();
    const markdown = await readFile((await (await downloading).path()), "utf8");
    expect(markdown).toMatch(/^# Qui finance l'atelier de Panama \?/);
    expect(markdown).toMatch(/1\. .+ \(`000_120eaf54a8d4fb0e`\)/);
    await page.locator(".conversations-head button").click();
  }, 180_000);

  it("works with the keyboard alone: open the list, reopen a conversation, rate an answer", async () => {
    await page.locator(".conversations-toggle").focus();
    await page.keyboard.press("Enter");
    const open = page.locator(".conversation-item .conversation-open").filter({ hasText: "Quel accord" }).first();
    await open.waitFor();
    await open.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".message-user").first().textContent()).toContain("Parlatino");
    const up = page.locator(".message-assistant .feedback-up").first();
    await up.focus();
    await page.keyboard.press("Enter");
    await page.locator(".message-assistant .feedback-note").first().waitFor();
    expect(await up.getAttribute("aria-pressed")).toBe("true");
  }, 120_000);

  it("logs no console errors (CSP violations included)", () => {
    expect(consoleErrors).toEqual([]);
  });
});
