// The page: Web Chat over our own Direct Line (same origin, /v3/directline), with 长辈模式 and the microphone.
(function () {
  'use strict';

  const ELDER_KEY = 'assistant.elderMode';
  const root = document.getElementById('webchat');
  const toggle = document.getElementById('elder-toggle');
  const micStatus = document.getElementById('mic-status');
  let elder = localStorage.getItem(ELDER_KEY) === 'true';
  let render = null;

  // Every activity the page sends carries channelData.elderMode, so the bot shortens its replies for 长辈模式.
  const store = window.WebChat.createStore({}, () => next => action => {
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
      const activity = action.payload.activity;
      action = { ...action, payload: { ...action.payload, activity: {
        ...activity, channelData: { ...activity.channelData, elderMode: elder } } } };
    }
    return next(action);
  });

  // Provincial pages open in a new tab, never in place of the conversation.
  const cardActionMiddleware = () => next => ({ cardAction, getSignInUrl }) => {
    if (cardAction.type === 'openUrl' && /^https?:\/\//i.test(cardAction.value)) {
      window.open(cardAction.value, '_blank', 'noopener,noreferrer');
      return;
    }
    return next({ cardAction, getSignInUrl });
  };

  function styleOptions() {
    const common = {
      primaryFont: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
      accent: '#0b5cad',
      subtle: '#4a4a4a',
      botAvatarInitials: '导办',
      userAvatarInitials: '我',
      hideUploadButton: true,
      suggestedActionLayout: 'flow',
      bubbleBackground: '#f1f1f1',
      bubbleFromUserBackground: '#e3eefb',
      bubbleBorderRadius: 8,
      bubbleFromUserBorderRadius: 8,
    };
    return elder
      ? { ...common, fontSizeSmall: '18px', bubbleMinHeight: 60, sendBoxHeight: 64, suggestedActionHeight: 60,
          suggestedActionBorderRadius: 8, avatarSize: 48, paddingRegular: 12 }
      : { ...common, sendBoxHeight: 48, suggestedActionHeight: 44 };
  }

  function applyElder() {
    document.body.classList.toggle('elder', elder);
    toggle.setAttribute('aria-checked', String(elder));
    toggle.textContent = elder ? '长辈模式：开' : '长辈模式';
    if (render) { render(); }
  }

  toggle.addEventListener('click', () => {
    elder = !elder;
    localStorage.setItem(ELDER_KEY, String(elder));
    applyElder();
  });

  async function start() {
    const response = await fetch('/v3/directline/tokens/generate', { method: 'POST' });
    if (!response.ok) { throw new Error('token ' + response.status); }
    const { conversationId, token } = await response.json();
    const directLine = window.WebChat.createDirectLine({
      domain: window.location.origin + '/v3/directline', token, webSocket: true });
    const userID = 'web-' + Math.random().toString(36).slice(2, 12);
    render = () => window.WebChat.renderWebChat({
      directLine, store, userID, username: '市民', locale: 'zh-CN', styleOptions: styleOptions(), cardActionMiddleware,
    }, root);
    render();
    window.AssistantVoice.attach({
      button: document.getElementById('mic'),
      status: micStatus,
      conversationId: () => conversationId,
      sendText: text => store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text } }),
    });
  }

  applyElder();
  start().catch(() => {
    micStatus.textContent = '暂时无法连接导办助手，请稍后刷新页面重试。';
  });
}());
