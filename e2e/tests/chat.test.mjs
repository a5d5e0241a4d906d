// The page at / in headless Chromium, in normal and 长辈模式: find a service by chatting, open the provincial page,
// rate the service; axe-core finds no serious or critical violations; nothing leaves 127.0.0.1.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { artifacts, baseUrl, openBrowser } from './browser.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const RATINGS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
const TIMEOUT = 20_000;

async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}

async function expectTapTargets(locator, min, what) {
  const boxes = await locator.evaluateAll(els => els.map(e => {
    const r = e.getBoundingClientRect();
    return { w: r.width, h: r.height, text: e.textContent.trim() || e.getAttribute('aria-label') || e.title };
  }));
  assert.ok(boxes.length > 0, `no ${what} on the page`);
  for (const box of boxes) {
    assert.ok(box.w >= min && box.h >= min, `${what} "${box.text}" is ${box.w}×${box.h}, needs ≥ ${min}×${min}`);
  }
}

for (const mode of ['normal', 'elder']) {
  describe(`chat page, ${mode === 'elder' ? '长辈模式' : 'normal mode'}`, { timeout: 120_000 }, () => {
    let browser;
    let page;
    before(async () => {
      await mkdir(artifacts, { recursive: true });
      browser = await openBrowser(mode === 'elder' ? { width: 480, height: 1000 } : { width: 1024, height: 900 });
      page = browser.page;
    });
    after(async () => browser?.close());

    test('loads with the welcome, in Chinese', async () => {
      await page.goto(baseUrl + '/');
      if (mode === 'elder') {
        await page.getByRole('switch', { name: /长辈模式/ }).click();
        await page.reload();  // the choice is remembered across visits
      }
      assert.equal(await page.getByRole('switch', { name: /长辈模式/ }).getAttribute('aria-checked'), String(mode === 'elder'));
      await page.getByText('我是政务服务智能导办助手').first().waitFor({ timeout: TIMEOUT });
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      if (mode === 'elder') {
        const body = await page.evaluate(() => {
          const s = getComputedStyle(document.querySelector('.webchat__bubble__content') ?? document.body);
          return { size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
        });
        assert.ok(body.size >= 18, `bubble text is ${body.size}px`);
        assert.ok(body.line >= 1.3, `line height is ${body.line}`);
        const title = parseFloat(await page.locator('h1').evaluate(e => getComputedStyle(e).fontSize));
        assert.ok(title >= 30, `title is ${title}px`);
      }
    });

    test('finds 社会保障卡, asks the province, shows the provincial page and takes a rating', async () => {
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('我想办社保卡');
      await input.press('Enter');
      await page.getByText('社会保障卡').first().waitFor({ timeout: TIMEOUT });

      const province = page.locator('button.webchat__suggested-action', { hasText: '广东' });
      await province.waitFor({ timeout: TIMEOUT });
      await province.click();

      const open = page.locator('button.ac-pushButton', { hasText: '打开' }).last();
      await open.waitFor({ timeout: TIMEOUT });
      const expected = await (await fetch(baseUrl + '/api/search?q=' + encodeURIComponent('社保卡怎么申请') + '&province=44')).json();
      const tab = page.context().waitForEvent('page');
      await open.click();
      await (await tab).waitForLoadState();
      assert.deepEqual(browser.opened, [expected.hits[0].page.url], 'the provincial page opens in a new tab');
      assert.equal(page.url(), baseUrl + '/', 'the conversation stays where it was');

      for (const title of RATINGS) {
        await page.locator('button.webchat__suggested-action', { hasText: new RegExp(`^${title}$`) }).waitFor({ timeout: TIMEOUT });
      }
      if (mode === 'elder') {
        await expectTapTargets(page.locator('button.webchat__suggested-action'), 60, 'rating button');
        await expectTapTargets(page.locator('button.ac-pushButton:visible'), 60, 'card button');
        await expectTapTargets(page.locator('.controls button'), 60, 'page control');
        await expectTapTargets(page.locator('.webchat__send-button'), 60, 'send button');
      }
      await page.screenshot({ path: path.join(artifacts, `${mode}-rating.png`), fullPage: true });

      await page.locator('button.webchat__suggested-action', { hasText: /^满意$/ }).click();
      await page.getByText('感谢', { exact: false }).first().waitFor({ timeout: TIMEOUT });
      await page.screenshot({ path: path.join(artifacts, `${mode}-thanks.png`), fullPage: true });
    });

    test('has no serious or critical axe-core violations', async () => {
      assert.deepEqual(await axeViolations(page), []);
    });

    test('the microphone button says when speech is not available', async () => {
      await page.getByRole('button', { name: /语音/ }).click();
      await page.locator('#mic-status', { hasText: '语音识别暂不可用' }).waitFor({ timeout: TIMEOUT });
      await page.screenshot({ path: path.join(artifacts, `${mode}-microphone.png`) });
    });

    test('no request left 127.0.0.1', () => {
      assert.deepEqual(browser.outside, []);
    });
  });
}

describe('keyboard only', { timeout: 60_000 }, () => {
  test('reaches every control by Tab, each with a name, and chats with Enter', async () => {
    const browser = await openBrowser({ width: 1024, height: 900 });
    try {
      const { page } = browser;
      await page.goto(baseUrl + '/');
      await page.getByText('我是政务服务智能导办助手').first().waitFor({ timeout: TIMEOUT });
      const names = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const e = document.activeElement;
          return { id: e.dataset.id ?? e.id, name: e.getAttribute('aria-label') || e.textContent.trim() || e.title || e.placeholder };
        });
        names.push(focused);
        if (focused.id === 'webchat-sendbox-input') { break; }
      }
      assert.ok(names.some(f => f.id === 'elder-toggle'), '长辈模式 is reachable');
      assert.ok(names.some(f => f.id === 'mic'), 'the microphone is reachable');
      assert.equal(names.at(-1).id, 'webchat-sendbox-input', `the send box is reachable: ${JSON.stringify(names)}`);
      assert.deepEqual(names.filter(f => !f.name), [], 'every focused control has a name');

      await page.keyboard.type('我想办社保卡');
      await page.keyboard.press('Enter');
      await page.getByText('请问您在哪个省或城市办理').first().waitFor({ timeout: TIMEOUT });
      assert.deepEqual(browser.outside, []);
    } finally {
      await browser.close();
    }
  });
});
