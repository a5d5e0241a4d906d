// The JavaScript Bot Framework SDK (botbuilder + botframework-connector from npm) acting as the channel: its
// BotFrameworkHttpClient posts activities to our C# /api/messages, and its ChannelServiceRoutes + ChannelServiceHandler
// (on express) receive the replies our bot posts to serviceUrl. Both delivery modes, the welcome, and the error codes.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { baseUrl } from './browser.mjs';

const require = createRequire(import.meta.url);
const express = require('express');
const { BotFrameworkHttpClient, ChannelServiceHandler, ChannelServiceRoutes } = require('botbuilder');
const { SimpleCredentialProvider, AuthenticationConfiguration } = require('botframework-connector');

// No app id on either side: authentication is off, as for a local channel (research notes §1.4).
const credentials = new SimpleCredentialProvider('', '');

class RecordingChannel extends ChannelServiceHandler {
  constructor() {
    super(credentials, new AuthenticationConfiguration());
    this.received = [];
  }

  async onReplyToActivity(_claims, conversationId, activityId, activity) {
    this.received.push({ conversationId, activityId, activity });
    return { id: `${conversationId}|reply-${this.received.length}` };
  }

  async onSendToConversation(_claims, conversationId, activity) {
    this.received.push({ conversationId, activityId: null, activity });
    return { id: `${conversationId}|send-${this.received.length}` };
  }
}

const channel = new RecordingChannel();
const client = new BotFrameworkHttpClient(credentials);
let server;
let serviceUrl;

before(async () => {
  const app = express();
  app.use(express.json());
  new ChannelServiceRoutes(channel).register(app);
  await new Promise(resolve => { server = app.listen(0, '127.0.0.1', resolve); });
  serviceUrl = `http://127.0.0.1:${server.address().port}/`;
});

after(() => server?.close());

let sequence = 0;
function activity(conversationId, fields) {
  sequence += 1;
  return {
    type: 'message', id: `${conversationId}|${String(sequence).padStart(7, '0')}`, channelId: 'jschannel', locale: 'zh-CN',
    from: { id: 'js-user', name: '市民', role: 'user' }, recipient: { id: 'assistant', name: '导办助手' },
    conversation: { id: conversationId }, ...fields,
  };
}

const post = (conversationId, fields) =>
  client.postActivity('', '', `${baseUrl}/api/messages`, serviceUrl, conversationId, activity(conversationId, fields));

async function repliesFor(conversationId, count) {
  for (let i = 0; i < 400; i++) {
    const replies = channel.received.filter(r => r.conversationId === conversationId && r.activity.type === 'message');
    if (replies.length >= count) return replies;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(`fewer than ${count} replies for ${conversationId}: ${JSON.stringify(channel.received.map(r => r.activity.text))}`);
}

test('expectReplies: the replies come back in the HTTP response and nothing is posted to serviceUrl', { timeout: 60_000 }, async () => {
  const before = channel.received.length;

  const asked = await post('js-expect', { text: '我身份证丢了', deliveryMode: 'expectReplies' });
  assert.equal(asked.status, 200);
  assert.match(asked.body.activities.at(-1).text, /哪个省或城市/);
  assert.equal(asked.body.activities.at(-1).inputHint, 'expectingInput');

  const answered = await post('js-expect', { text: '浙江杭州', deliveryMode: 'expectReplies' });
  const texts = answered.body.activities.map(a => a.text).join('\n');
  assert.match(texts, /居民身份证/);
  assert.match(texts, /浙里办/);
  const card = answered.body.activities.find(a => a.attachments?.length)?.attachments[0];
  assert.equal(card.contentType, 'application/vnd.microsoft.card.hero');
  assert.equal(card.content.buttons[0].type, 'openUrl');
  assert.deepEqual(answered.body.activities.at(-1).suggestedActions.actions.map(a => a.title),
    ['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  assert.ok(answered.body.activities.every(a => a.speak?.startsWith('<speak')));

  const rated = await post('js-expect', { text: '满意', deliveryMode: 'expectReplies' });
  assert.match(rated.body.activities[0].text, /感谢您的评价（满意）/);
  assert.equal(channel.received.length, before);
});

test('normal delivery: 200 at once, replies posted to serviceUrl in order as replies to the incoming activity', { timeout: 60_000 }, async () => {
  const joined = await post('js-normal', {
    type: 'conversationUpdate', membersAdded: [{ id: 'assistant' }, { id: 'js-user' }],
  });
  assert.equal(joined.status, 200);
  const [welcome] = await repliesFor('js-normal', 1);
  assert.match(welcome.activity.text, /政务服务智能导办助手/);

  const asked = await post('js-normal', { text: '我在深圳上班，老家河南，养老保险想转回去' });
  assert.equal(asked.status, 200);
  const replies = (await repliesFor('js-normal', 3)).slice(1);
  assert.match(replies[0].activity.text, /养老保险关系转移接续（河南省）/);
  assert.match(replies[0].activity.text, /转入地受理/);
  assert.match(replies[1].activity.text, /请您对本次服务进行评价/);
  assert.ok(replies.every(r => r.activityId && r.activity.replyToId === r.activityId));
});

test('an unknown invoke is 501 and an activity without a conversation is 400', { timeout: 30_000 }, async () => {
  const invoke = await post('js-invoke', { type: 'invoke', name: 'unknown/operation', value: {} });
  assert.equal(invoke.status, 501);

  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: '你好', serviceUrl }),
  });
  assert.equal(response.status, 400);
  assert.equal((await response.json()).title, 'Invalid activity');
});
