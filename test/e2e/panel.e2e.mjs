// UI end-to-end test of the cost panel, as a person sees it: the VS Code workbench (code-server)
// in headless Chromium, driven with playwright-core. Run by scripts/run-ui-tests.mjs, which
// starts the server and passes { page, expected, shotsDir } to each step in order; a failing step
// skips the rest. `expected` is the CLI's JSON scan of the same workspace.
import { basename, join } from 'node:path';

const COMMAND_TITLE = 'LLM Hosting Advisor: Open Cost Panel';

/** The webview's document: outer iframe (VS Code's host) > inner iframe#active-frame (our HTML). */
function panelFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/**
 * Runs a command through F1. The palette lists the commands it knew when it opened, so a command
 * registered later is missing from it: close the palette and open it again until the row shows up.
 * The bounds only end a wait that would never succeed.
 */
async function runCommand(page, title, boundMs = 60000) {
  const deadline = Date.now() + boundMs;
  const input = page.locator('.quick-input-widget input');
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 60000 });
    await input.fill(`>${title}`);
    // The row whose label is exactly the title (fuzzy matching also lists similar commands).
    const row = page.locator('.quick-input-list .monaco-list-row', { has: page.getByText(title, { exact: true }) }).first();
    try {
      await row.waitFor({ timeout: 3000 });
      await row.click();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.keyboard.press('Escape');
      // Open it again only once this one is closed, so the next F1 opens a fresh list.
      await input.waitFor({ state: 'hidden', timeout: 60000 });
    }
  }
}

/**
 * Re-checks a condition once per frame the page renders (a DOM change can only show on a new
 * frame), until it holds. The bound only ends a wait that would never succeed; the assertion
 * after it says what was wrong.
 */
async function until(page, condition, boundMs = 60000) {
  const deadline = Date.now() + boundMs;
  while (!(await condition()) && Date.now() < deadline) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

/**
 * Resolves once the panel's document has its fonts and has rendered two more frames: whatever the
 * last synchronous render put in the DOM is then on screen, so a screenshot shows it.
 */
async function painted(frame) {
  await frame.locator('body').evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  });
}

/**
 * Starts listening in the panel for the host's next scan result whose what-if state has every
 * key/value of `whatIf`; the returned function resolves when it has arrived and been rendered (the
 * panel's own listener, registered first, renders synchronously) and painted.
 */
async function hostAnswers(frame, whatIf) {
  await frame.locator('body').evaluate((want) => {
    window.__hostAnswered = new Promise((resolve) => {
      const onMessage = (event) => {
        const m = event.data;
        if (m?.type !== 'scanResult' || !Object.entries(want).every(([k, v]) => m.whatIf?.[k] === v)) return;
        window.removeEventListener('message', onMessage);
        resolve();
      };
      window.addEventListener('message', onMessage);
    });
  }, whatIf);
  return async () => {
    await frame.locator('body').evaluate(() => window.__hostAnswered);
    await painted(frame);
  };
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export const steps = [
  {
    name: 'the workbench opens the example workspace',
    async run({ page }) {
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await page.getByRole('treeitem', { name: 'src' }).first().waitFor({ timeout: 60000 });
      // More room for the panel and the editor side by side in the screenshots.
      await runCommand(page, 'View: Close Primary Side Bar');
    },
  },
  {
    name: `"${COMMAND_TITLE}" from F1 opens the panel with the workspace summary`,
    async run({ page, expected }) {
      const t0 = Date.now();
      await runCommand(page, COMMAND_TITLE);
      const frame = panelFrame(page);
      await frame.locator('h1').waitFor({ timeout: 60000 });
      const tPanel = Date.now();
      await frame.locator('#summary-current').waitFor({ timeout: 90000 });
      console.log(`      command palette + panel: ${tPanel - t0} ms; first scan shown ${Date.now() - tPanel} ms later`);
      const asOf = await frame.locator('#catalog-asof').innerText();
      assert(asOf === expected.catalog.asOf, `catalog as-of shown ${asOf}, expected ${expected.catalog.asOf}`);
      const count = await frame.locator('#summary-callsites').innerText();
      assert(Number(count) === expected.callSites.length, `summary shows ${count} call sites, expected ${expected.callSites.length}`);
    },
  },
  {
    name: 'the data grid shows one row per call site, with file:line and model',
    async run({ page, expected, state }) {
      const frame = panelFrame(page);
      const rows = frame.locator('vscode-data-grid-row.callsite');
      await rows.first().waitFor({ timeout: 60000 });
      const n = await rows.count();
      assert(n === expected.callSites.length, `${n} rows, expected ${expected.callSites.length}`);
      const first = rows.first();
      const id = await first.getAttribute('data-id');
      const site = expected.callSites.find((c) => c.id === id);
      assert(site, `row data-id ${id} is a call site of the scan`);
      const text = (await first.innerText()).replace(/\s+/g, ' ');
      const model = site.model.id ?? site.model.raw;
      assert(text.includes(`${site.file}:${site.line}`), `row text "${text}" shows ${site.file}:${site.line}`);
      assert(text.includes(model), `row text "${text}" shows the model ${model}`);
      console.log(`      first row: ${text}`);
      state.site = site;
    },
  },
  {
    name: 'clicking the row opens the file at the call and shows its details',
    async run({ page, state, shotsDir }) {
      const frame = panelFrame(page);
      const site = state.site;
      await page.screenshot({ path: join(shotsDir, 'cost-panel.png') });
      await frame.locator(`vscode-data-grid-row.callsite[data-id="${site.id.replace(/["\\]/g, '\\$&')}"] vscode-data-grid-cell`).first().click();
      const name = basename(site.file);
      await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: 60000 });
      await page.locator('.statusbar', { hasText: `Ln ${site.line},` }).first().waitFor({ timeout: 60000 });
      const title = await frame.locator('#detail-title').innerText();
      assert(title.includes(`${site.file}:${site.line}`), `detail title "${title}"`);
      await frame.locator('table.options tbody tr').first().waitFor({ timeout: 60000 });
      await page.screenshot({ path: join(shotsDir, 'cost-panel-reveal.png') });
      const bars = await frame.locator('table.options meter').count();
      assert(bars === site.options.length, `${bars} cost bars for ${site.options.length} options`);
      await frame.locator('table.options').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shotsDir, 'cost-panel-detail.png') });
    },
  },
  {
    name: 'the filter narrows the rows',
    async run({ page, expected, state }) {
      const frame = panelFrame(page);
      const needle = basename(state.site.file);
      await frame.locator('#filter input').fill(needle);
      const want = expected.callSites.filter((c) => c.file.toLowerCase().includes(needle.toLowerCase())).length;
      const rows = frame.locator('vscode-data-grid-row.callsite');
      await until(page, async () => (await rows.count()) === want);
      assert((await rows.count()) === want, `filter "${needle}" shows ${await rows.count()} rows, expected ${want}`);
      await frame.locator('#filter input').fill('');
      await until(page, async () => (await rows.count()) === expected.callSites.length);
    },
  },
  {
    name: 'sorting by a column header reorders the rows',
    async run({ page, expected }) {
      const frame = panelFrame(page);
      const header = frame.locator('vscode-data-grid-cell[data-sort="current"]');
      await header.click();
      const ids = async () => frame.locator('vscode-data-grid-row.callsite').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
      const byCost = (dir) =>
        [...expected.callSites].sort((a, b) => dir * ((a.monthlyUsdCurrent ?? -1) - (b.monthlyUsdCurrent ?? -1))).map((c) => c.id);
      let got = await ids();
      const first = JSON.stringify(got) === JSON.stringify(byCost(-1)) ? -1 : 1;
      assert(JSON.stringify(got) === JSON.stringify(byCost(first)), `rows sorted by current cost: ${got.join(', ')}`);
      await header.click();
      got = await ids();
      assert(JSON.stringify(got) === JSON.stringify(byCost(-first)), `second click reverses the order: ${got.join(', ')}`);
    },
  },
  {
    name: 'keyboard: Enter on a focused row opens that call',
    async run({ page, expected, state }) {
      const frame = panelFrame(page);
      // A call in another file than the one the click step opened, so the check means something.
      const site = expected.callSites.find((c) => c.file !== state.site.file);
      assert(site, 'the example has calls in more than one file');
      const row = frame.locator(`vscode-data-grid-row.callsite[data-id="${site.id.replace(/["\\]/g, '\\$&')}"]`);
      await row.locator('vscode-data-grid-cell').first().focus();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: basename(site.file) }).first().waitFor({ timeout: 60000 });
      await page.locator('.statusbar', { hasText: `Ln ${site.line},` }).first().waitFor({ timeout: 60000 });
    },
  },
  {
    name: 'what-if: changing the selected call\'s calls per month changes the total at once; reset restores it',
    async run({ page, shotsDir }) {
      const frame = panelFrame(page);
      // Select the most expensive call, so the change is visible in the workspace total.
      await frame.locator('vscode-data-grid-cell[data-sort="current"]').click();
      const ids = await frame.locator('vscode-data-grid-row.callsite').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
      const costly = await frame.locator('vscode-data-grid-row.callsite').evaluateAll((rows) =>
        rows.map((r) => ({ id: r.getAttribute('data-id'), cost: Number((r.children[5]?.textContent ?? '').replace(/[^0-9.]/g, '')) })),
      );
      const top = costly.sort((a, b) => b.cost - a.cost)[0]?.id ?? ids[0];
      await frame.locator(`vscode-data-grid-row.callsite[data-id="${top.replace(/["\\]/g, '\\$&')}"]`).focus();
      await frame.locator(`vscode-data-grid-row.callsite[data-id="${top.replace(/["\\]/g, '\\$&')}"] vscode-data-grid-cell`).nth(1).focus();
      const input = frame.locator('#whatif-calls');
      await input.waitFor({ timeout: 60000 });
      const total = frame.locator('#summary-current');
      const before = await total.innerText();
      const calls = Number(await input.inputValue());
      const t0 = Date.now();
      await input.fill(String(Math.max(1, calls) * 20));
      await until(page, async () => (await total.innerText()) !== before);
      const after = await total.innerText();
      assert(after !== before, `total still ${after} after the what-if`);
      console.log(`      total ${before} -> ${after} in ${Date.now() - t0} ms (typing debounce 200 ms included)`);
      await frame.locator('#whatif-active').waitFor({ timeout: 60000 });
      await frame.locator('#whatif-save:not([disabled])').waitFor({ timeout: 60000 });
      const answered = await hostAnswers(frame, { dataSensitivity: 'regulated', precision: 'fp8' });
      await frame.locator('#whatif-sensitivity').selectOption('regulated');
      await frame.locator('#whatif-precision').selectOption('fp8');
      await answered();
      await frame.locator('#whatif').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shotsDir, 'cost-panel-whatif.png') });
      await frame.locator('#whatif-reset').click();
      await until(page, async () => (await total.innerText()) === before);
      assert((await total.innerText()) === before, `reset shows ${await total.innerText()}, expected ${before}`);
      assert((await frame.locator('#whatif-active').count()) === 0, 'the what-if banner is gone after reset');
    },
  },
  {
    name: 'the panel is restored after a window reload (serializer)',
    async run({ page, expected }) {
      // Wait for the new document's load event, registered before the reload starts: the old
      // workbench and panel rows are still there until the reload replaces them, and a step that
      // went on against them raced the reload (F1 pressed mid-reload was lost; run A-4 under load).
      const reloaded = page.waitForEvent('load', { timeout: 180000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      const rows = panelFrame(page).locator('vscode-data-grid-row.callsite');
      await rows.first().waitFor({ timeout: 60000 });
      assert((await rows.count()) === expected.callSites.length, 'all rows back after the reload');
    },
  },
  {
    name: 'the panel follows a dark color theme',
    async run({ page, shotsDir }) {
      await runCommand(page, 'Preferences: Color Theme');
      const input = page.locator('.quick-input-widget input');
      await input.fill('Dark Modern');
      const theme = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first();
      await theme.waitFor({ timeout: 60000 });
      await theme.click();
      await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 60000 });
      // VS Code re-themes the webview: its body gets the `vscode-dark` class and new CSS variables.
      const frame = panelFrame(page);
      await frame.locator('body.vscode-dark').waitFor({ timeout: 60000 });
      // The toolkit's components take the theme from its design tokens, which it copies from VS
      // Code's variables when the body's class changes: wait until it has copied the dark ones.
      await until(page, () =>
        frame.locator('body').evaluate((body) => {
          const style = getComputedStyle(body);
          return ['foreground', 'background'].every((token) => style.getPropertyValue(`--${token}`).trim() === style.getPropertyValue(token === 'foreground' ? '--vscode-foreground' : '--vscode-editor-background').trim());
        }),
      );
      await painted(frame);
      await page.screenshot({ path: join(shotsDir, 'cost-panel-dark.png') });
      // The what-if controls follow the theme too.
      const first = frame.locator('vscode-data-grid-row.callsite vscode-data-grid-cell').first();
      await first.click();
      await frame.locator('#whatif-calls').waitFor({ timeout: 60000 });
      await frame.locator('#whatif').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shotsDir, 'cost-panel-whatif-dark.png') });
    },
  },
  {
    name: 'no Content-Security-Policy violation was reported',
    async run({ consoleErrors }) {
      const csp = consoleErrors.filter((t) => /Content Security Policy|Refused to (load|apply|execute)/i.test(t));
      assert(csp.length === 0, `CSP violations:\n${csp.join('\n')}`);
    },
  },
];
