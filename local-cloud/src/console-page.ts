/** The emulator console (like the Firebase Emulator UI): one self-contained page over /_/api. */
export const consoleHtml = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Local CloudBase console</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#1f2329;background:#f5f6f7}
header{background:#0b57d0;color:#fff;padding:10px 16px;display:flex;gap:16px;align-items:baseline}
header h1{font-size:17px;margin:0}
nav{display:flex;gap:4px;padding:8px 16px;background:#fff;border-bottom:1px solid #dde}
nav button{border:0;background:none;padding:6px 12px;border-radius:6px;cursor:pointer;font-size:14px}
nav button.on{background:#e8f0fe;color:#0b57d0;font-weight:600}
main{padding:16px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #eee;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#fafafa;font-weight:600}
pre{margin:0;white-space:pre-wrap;word-break:break-all;font-size:12px;max-height:300px;overflow:auto}
.bad{color:#b3261e;font-weight:600}.ok{color:#146c2e}
.row{display:flex;gap:16px}.side{min-width:200px}.side a{display:block;padding:4px 0;cursor:pointer;color:#0b57d0}
button.fire{background:#0b57d0;color:#fff;border:0;border-radius:6px;padding:4px 10px;cursor:pointer}
</style></head><body>
<header><h1>Local CloudBase</h1><span id="env"></span></header>
<nav id="tabs"></nav><main id="main">Loading…</main>
<script>
const tabs = ['数据库', '云函数调用', '订阅消息', '定时触发器', '云存储'];
let tab = location.hash ? decodeURIComponent(location.hash.slice(1)) : tabs[0];
let state = null, coll = null;
const h = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
const get = (p) => fetch('/_/api/' + p).then((r) => r.json());
function nav() {
  document.getElementById('tabs').innerHTML = tabs.map((t) => '<button class="' + (t === tab ? 'on' : '') +
      '" data-t="' + t + '">' + t + '</button>').join('');
  document.querySelectorAll('#tabs button').forEach((b) => b.onclick = () => { tab = b.dataset.t; location.hash = tab; render(); });
}
async function render() {
  nav();
  state = await get('state');
  document.getElementById('env').textContent = state.envId + ' · ' + state.url + ' · data: ' + (state.dataDir || 'memory');
  const main = document.getElementById('main');
  if (tab === '数据库') {
    coll = coll || (state.collections[0] || {}).collection;
    let docs = { total: 0, documents: [] };
    if (coll) docs = await get('collections/' + encodeURIComponent(coll) + '?limit=100');
    main.innerHTML = '<div class="row"><div class="side">' + state.collections.map((c) => '<a data-c="' +
        h(c.collection) + '">' + h(c.collection) + ' (' + c.documents + ')</a>').join('') +
      '</div><div style="flex:1"><h3>' + h(coll || '无集合') + ' · ' + docs.total + ' 条</h3><table><tr><th>_id</th><th>文档</th></tr>' +
      docs.documents.map((d) => '<tr><td>' + h(d._id) + '</td><td><pre>' + h(JSON.stringify(d, null, 2)) +
          '</pre></td></tr>').join('') + '</table></div></div>';
    main.querySelectorAll('[data-c]').forEach((a) => a.onclick = () => { coll = a.dataset.c; render(); });
  } else if (tab === '云函数调用') {
    const inv = await get('invocations');
    main.innerHTML = '<p>数据库请求数 = 该次调用向数据库发出的往返次数（云端每次往返数十毫秒）。</p>' +
      '<table><tr><th>时间</th><th>函数</th><th>来源</th><th>状态</th><th>耗时</th><th>数据库请求</th><th>冷启动</th><th>日志</th></tr>' +
      inv.items.map((r) => '<tr><td>' + new Date(r.startedAt).toLocaleTimeString() + '</td><td>' +
          h(r.functionName) + '</td><td>' + h(r.source) + '</td><td class="' + (r.status === 'ok' ? 'ok' : 'bad') +
          '">' + h(r.status) + (r.error ? ': ' + h(r.error) : '') +
        '</td><td>' + (r.durationMs == null ? '…' : r.durationMs.toFixed(1) + ' ms') + '</td><td>' + r.dbRequests +
            '</td><td>' + (r.cold ? '是' : '') + '</td><td><pre>' + h(r.logs.map((l) => '[' + l.level + '] ' +
            l.text).join('\\n')) + '</pre></td></tr>').join('') + '</table>';
  } else if (tab === '订阅消息') {
    const inbox = await get('inbox');
    main.innerHTML = '<h3>模板</h3><table><tr><th>模板 ID</th><th>标题</th><th>类型</th><th>关键词</th></tr>' +
        state.templates.map((t) => '<tr><td>' + h(t.id) + '</td><td>' + h(t.title) + '</td><td>' +
        h(t.kind || 'one-time') + '</td><td>' + h(t.keywords.join(', ')) + '</td></tr>').join('') +
      '</table><h3>收件箱</h3><table><tr><th>时间</th><th>接收人</th><th>模板</th><th>页面</th><th>内容</th><th>发送函数</th></tr>' +
      inbox.items.map((m) => '<tr><td>' + new Date(m.sentAt).toLocaleString() + '</td><td>' + h(m.touser) +
          '</td><td>' + h(m.templateTitle) + '</td><td>' + h(m.page) + '</td><td><pre>' +
          h(Object.entries(m.data).map(([k, v]) => k + ': ' + v).join('\\n')) + '</pre></td><td>' +
          h(m.functionName) + '</td></tr>').join('') + '</table>';
  } else if (tab === '定时触发器') {
    main.innerHTML = '<table><tr><th>函数</th><th>触发器</th><th>cron（北京时间）</th><th>下次运行</th><th>上次运行</th><th></th></tr>' +
      state.triggers.map((t) => '<tr><td>' + h(t.functionName) + '</td><td>' + h(t.name) + '</td><td>' + h(t.cron) +
          (t.error ? '<div class="bad">' + h(t.error) + '</div>' : '') + '</td><td>' + h(t.nextRun) + '</td><td>' +
          (t.lastRun ? h(t.lastRun.at + ' ' + t.lastRun.status + (t.lastRun.error ? ' ' + t.lastRun.error : '')) : '') +
      '</td><td><button class="fire" data-f="' + h(t.functionName) + '">立即触发</button></td></tr>').join('') + '</table>';
    main.querySelectorAll('[data-f]').forEach((b) => b.onclick = async () => { b.disabled = true;
        await fetch('/_/api/triggers/' + encodeURIComponent(b.dataset.f) + '/fire', { method: 'POST' }); render(); });
  } else {
    main.innerHTML = '<table><tr><th>路径</th><th>大小</th></tr>' + state.files.map((f) => '<tr><td>' + h(f.path) +
        '</td><td>' + f.bytes + ' B</td></tr>').join('') + '</table>';
  }
}
render();
</script></body></html>`;
