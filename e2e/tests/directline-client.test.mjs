// Microsoft's own Direct Line client (botframework-directlinejs, the one inside Web Chat) against our server, in Node,
// over the WebSocket stream and over polling: connect, get the welcome, post, see the echo with its id and the reply.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { baseUrl } from './browser.mjs';

const require = createRequire(import.meta.url);
globalThis.XMLHttpRequest = require('xhr2');  // directlinejs uses XHR; Node has none
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');
const WebSocket = require('ws');

function waitFor(activities, predicate, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within 20 s; got ${JSON.stringify(activities.map(a => a.text))}`)), 20_000);
    const check = () => {
      const found = activities.find(predicate);
      if (found) { clearTimeout(timer); resolve(found); } else { setTimeout(check, 50); }
    };
    check();
  });
}

for (const webSocket of [true, false]) {
  test(`directlinejs ${webSocket ? 'over the WebSocket' : 'polling'}: welcome, echo with server id, reply`, { timeout: 60_000 }, async () => {
    const { token } = await (await fetch(baseUrl + '/v3/directline/tokens/generate', { method: 'POST' })).json();
    const directLine = new DirectLine({ domain: baseUrl + '/v3/directline', token, webSocket, WebSocket, pollingInterval: 300 });
    const activities = [];
    const statuses = [];
    directLine.connectionStatus$.subscribe(s => statuses.push(s));
    const subscription = directLine.activity$.subscribe(a => activities.push(a));
    try {
      await waitFor(activities, a => a.from.role === 'bot' && a.text?.includes('导办助手'), 'welcome');
      const id = await new Promise((resolve, reject) => directLine.postActivity({
        type: 'message', from: { id: 'node-tester', name: '测试' }, text: '我想办社保卡', locale: 'zh-CN',
      }).subscribe(resolve, reject));

      const echo = await waitFor(activities, a => a.id === id, 'echo');
      assert.equal(echo.text, '我想办社保卡');
      assert.match(id, /\|\d{7}$/);
      const reply = await waitFor(activities, a => a.replyToId === id && a.type === 'message', 'reply');
      assert.match(reply.text, /社会保障卡/);
      assert.ok(statuses.includes(ConnectionStatus.Online));
      assert.ok(!statuses.includes(ConnectionStatus.FailedToConnect) && !statuses.includes(ConnectionStatus.ExpiredToken));
    } finally {
      subscription.unsubscribe();
      directLine.end();
    }
  });
}
