// axe-core for the accessibility checks (a11y.test.mjs, layout.test.mjs, locales.test.mjs).
// It comes from the pinned npm package and is injected as inline script text, never fetched
// from another origin. The site's CSP rightly blocks inline scripts, so the pages these
// tests open use Playwright's bypassCSP.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the whole page; fails listing every serious or critical violation. */
export async function assertNoSeriousViolations(page, state) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')}`);
  });
  assert.deepEqual(found, [], `${state}: axe violations\n${found.join('\n')}`);
}
