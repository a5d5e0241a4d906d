// Headless Debian Chromium for the page tests: Debian's binary (never a downloaded one), a fresh profile per launch,
// and a guard that records any request leaving 127.0.0.1 and stops it before it goes out.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const baseUrl = process.env.ASSISTANT_URL ?? 'http://127.0.0.1:5000';
export const artifacts = process.env.E2E_ARTIFACTS ?? path.resolve('..', 'artifacts', 'e2e');

const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  // The microphone test records from Chromium's fake device instead of real hardware, without a permission prompt.
  '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

function isLocal(url) {
  const u = new URL(url);
  return u.protocol === 'blob:' || u.protocol === 'data:' || u.hostname === '127.0.0.1';
}

/**
 * Opens a browser context and its first page. `outside` lists every request that tried to leave 127.0.0.1; `opened` lists pages opened
 * in new tabs (provincial sites), whose navigation is answered here with a stub so that nothing leaves the machine.
 */
export async function openBrowser(viewport) {
  const profile = await mkdtemp(path.join(tmpdir(), 'assistant-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: flags, viewport,
    locale: 'zh-CN',
  });
  const outside = [];
  const opened = [];
  const page = context.pages()[0] ?? await context.newPage();
  await context.route('**/*', async route => {
    const request = route.request();
    if (isLocal(request.url())) {
      return route.continue();
    }
    // A top-level navigation in another tab is a link the citizen chose to open (the page opens provincial sites so).
    let frame = null;
    try {
      frame = request.frame();
    } catch {
      // A new tab's first navigation is issued before its frame exists.
    }
    if (request.isNavigationRequest() && (frame === null || (frame.page() !== page && frame.parentFrame() === null))) {
      opened.push(request.url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>外部网站（测试中未访问）</title>' });
    }
    outside.push(request.url());
    return route.abort('blockedbyclient');
  });
  context.on('websocket', ws => { if (!isLocal(ws.url().replace(/^ws/, 'http'))) { outside.push(ws.url()); } });
  return {
    context, page, outside, opened,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
