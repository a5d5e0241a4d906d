// The microphone through the page with a speech engine configured (.ci/e2e starts a second Api with the whisper.cpp test
// model): Chromium's fake microphone records, the page posts the WebM/Opus recording to /api/speech with its Direct
// Line token, the server decodes it with our Opus decoder and runs whisper.cpp. The test model has no weights and
// hears nothing, so the page must end by saying it did not catch that: the whole voice path ran, from button to status.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { artifacts, openBrowser } from './browser.mjs';

const voiceUrl = process.env.ASSISTANT_VOICE_URL;
const TIMEOUT = 30_000;

test('speaking into the page reaches the recogniser and the page reports what it heard', { timeout: 120_000 }, async () => {
  assert.ok(voiceUrl, 'ASSISTANT_VOICE_URL is not set: run the browser tests through .ci/e2e');
  const browser = await openBrowser({ width: 1024, height: 900 });
  try {
    const { page } = browser;
    await page.goto(voiceUrl + '/');
    await page.getByText('我是政务服务智能导办助手').first().waitFor({ timeout: TIMEOUT });
    const mic = page.locator('#mic');    // its name changes while recording (说完了，点此发送)
    assert.match(await mic.textContent(), /语音输入/);

    await mic.click();
    await page.locator('#mic-status', { hasText: '正在录音' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await mic.getAttribute('aria-pressed'), 'true');
    await page.waitForTimeout(1500);    // the fake device plays a tone meanwhile
    const upload = page.waitForResponse(r => r.url().includes('/api/speech?') && r.request().method() === 'POST');
    await mic.click();
    const response = await upload;

    assert.equal(response.status(), 200, await response.text());
    assert.match(response.request().headers()['content-type'], /^audio\/webm/);
    assert.match(response.request().headers().authorization, /^Bearer /);
    const body = await response.json();
    assert.equal(body.status, 'noMatch');    // the weightless model hears nothing
    assert.match(response.headers()['server-timing'], /recognize;dur=/);
    await page.locator('#mic-status', { hasText: '没有听清，请再说一次或打字输入。' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await mic.getAttribute('aria-pressed'), 'false');
    await page.screenshot({ path: path.join(artifacts, 'voice-no-match.png') });
    assert.deepEqual(browser.outside, []);
  } finally {
    await browser.close();
  }
});
