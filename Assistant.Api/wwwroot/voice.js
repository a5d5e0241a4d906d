// The microphone button: records with MediaRecorder and sends the audio to POST /api/speech. When the server has no
// speech engine (GET /api/speech/status missing or saying so, or a 503 from /api/speech) it says so on the page.
(function () {
  'use strict';

  const UNAVAILABLE = '语音识别暂不可用，请直接打字输入。';
  const LABEL = '语音输入';

  async function speechAvailable() {
    try {
      const response = await fetch('/api/speech/status');
      if (!response.ok) { return false; }  // 404: this server has no speech endpoint yet
      const body = await response.json().catch(() => ({}));
      return body.available !== false;
    } catch {
      return false;
    }
  }

  async function problemText(response) {
    const body = await response.json().catch(() => ({}));
    return body.detail || body.title || ('状态 ' + response.status);
  }

  function attach({ button, status, conversationId, token }) {
    let recorder = null;
    let available = null;

    const label = button.querySelector('.label');

    function say(text) { status.textContent = text; }

    function unavailable() {
      label.textContent = '语音暂不可用';
      say(UNAVAILABLE);
    }

    async function send(blob) {
      say('正在识别…');
      const url = '/api/speech?conversationId=' + encodeURIComponent(conversationId());
      try {
        // With the conversation's Direct Line token the server posts the recognised text into the chat itself, so Web Chat
        // shows it and the answer like a typed message.
        const response = await fetch(url, { method: 'POST', body: blob,
          headers: { 'Content-Type': blob.type || 'audio/webm', 'Authorization': 'Bearer ' + token() } });
        if (response.status === 503 || response.status === 404) { unavailable(); return; }
        if (response.status === 429) {
          say('说话太频繁了，请 ' + (response.headers.get('Retry-After') || '60') + ' 秒后再试，或打字输入。');
          return;
        }
        if (!response.ok) { say('没有听清：' + await problemText(response) + '。请再说一次或打字输入。'); return; }
        const result = await response.json();
        if (!result.text) { say('没有听清，请再说一次或打字输入。'); return; }
        say('识别结果：' + result.text);
      } catch {
        say('语音发送失败，请检查网络后重试，或直接打字输入。');
      }
    }

    async function startRecording() {
      if (!navigator.mediaDevices || !window.MediaRecorder) {
        say('此浏览器不支持录音，请直接打字输入。');
        return;
      }
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch {
        say('没有获得麦克风权限，请在浏览器设置中允许，或直接打字输入。');
        return;
      }
      const chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.ondataavailable = e => { if (e.data.size > 0) { chunks.push(e.data); } };
      recorder.onstop = () => {
        stream.getTracks().forEach(t => t.stop());
        button.classList.remove('recording');
        label.textContent = LABEL;
        button.setAttribute('aria-pressed', 'false');
        send(new Blob(chunks, { type: recorder.mimeType }));
        recorder = null;
      };
      recorder.start();
      button.classList.add('recording');
      label.textContent = '说完了，点此发送';
      button.setAttribute('aria-pressed', 'true');
      say('正在录音，请说出您要办的事…');
    }

    button.addEventListener('click', async () => {
      if (recorder) { recorder.stop(); return; }
      if (available === null) { available = await speechAvailable(); }
      if (!available) { unavailable(); return; }
      await startRecording();
    });
  }

  window.AssistantVoice = { attach };
}());
