// The dashboard's own stylesheet and script, compiled into the binary: a campus LAN may
// have no internet, so nothing is fetched from a CDN. Fonts come from the system.
#include "dashboard_assets.h"

namespace ff::web {

std::string_view dashboard_css() {
    return R"CSS(
:root {
  --ink: #1b2733; --muted: #5b6b7b; --line: #d8dee6; --bg: #f4f6f9; --card: #fff;
  --brand: #12355b; --accent: #c62828; --ok: #2e7d32; --warn: #b26a00; --bar: #1e88e5;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
               "PingFang SC", sans-serif;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font-size: 16px; line-height: 1.5; }
a { color: var(--brand); }
code { background: #eef1f5; padding: 0 .3em; border-radius: 3px; word-break: break-all; }
header.top { display: flex; justify-content: space-between; align-items: center; gap: 1em;
  background: var(--brand); color: #fff; padding: .6em 1.5em; }
header.top a.brand { color: #fff; text-decoration: none; font-size: 1.3em; font-weight: bold; }
header.top a.brand span { font-weight: normal; font-size: .8em; opacity: .8; margin-left: .4em; }
header.top form.who { display: flex; align-items: center; gap: .8em; margin: 0; }
main.page { max-width: 1100px; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: .2em 0 .6em; }
h2 { font-size: 1.2em; margin: .2em 0 .6em; }
.titlebar { display: flex; justify-content: space-between; align-items: center; flex-wrap: wrap; gap: .6em; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1.2em 1.5em;
  margin-bottom: 1.2em; }
.card.narrow { max-width: 520px; margin: 3em auto; }
.stack { display: flex; flex-direction: column; gap: .5em; }
.stack > label { font-weight: bold; margin-top: .4em; }
input[type=text], input:not([type]), input[type=password], input[type=number] {
  font: inherit; padding: .5em .6em; border: 1px solid #aab6c3; border-radius: 5px; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .6em 1em 1em; margin: .6em 0;
  display: flex; flex-direction: column; gap: .4em; }
legend { font-weight: bold; padding: 0 .3em; }
label.check { display: flex; align-items: baseline; gap: .4em; font-weight: normal; }
label.check small { color: var(--muted); }
button, a.button { font: inherit; background: var(--brand); color: #fff; border: 0; border-radius: 5px;
  padding: .55em 1.2em; cursor: pointer; text-decoration: none; display: inline-block; }
a.button.secondary { background: #fff; color: var(--brand); border: 1px solid var(--brand); }
form.inline { display: inline; margin: 0; }
button.small { padding: .1em .6em; font-size: .85em; white-space: nowrap; }
.summary { margin: 0 0 1em; }
button.secondary { background: #fff; color: var(--brand); border: 1px solid var(--brand); }
button.danger { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
button.link { background: none; color: #fff; padding: 0; text-decoration: underline; }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #ffb300; outline-offset: 2px; }
.error { background: #fdecea; color: var(--accent); border-left: 4px solid var(--accent); padding: .6em 1em; }
.notice { background: #e8f5e9; color: var(--ok); border-left: 4px solid var(--ok); padding: .6em 1em; }
.hint, .empty { color: var(--muted); }
table.grid { width: 100%; border-collapse: collapse; background: var(--card); }
table.grid th, table.grid td { text-align: left; padding: .5em .6em; border-bottom: 1px solid var(--line);
  vertical-align: middle; }
table.grid th { background: #eef1f5; font-weight: bold; }
table.grid td.bar, table.grid td.num, table.grid td.ending, table.grid th { white-space: nowrap; }
table.grid td.nick { word-break: break-all; min-width: 6em; }
table.grid details summary { cursor: pointer; color: var(--muted); font-size: .9em; }
table.grid td.actions a { margin-right: .6em; }
tr.weak td:first-child, tr.todo td:first-child { border-left: 4px solid var(--warn); }
.code { font-family: "DejaVu Sans Mono", monospace; font-weight: bold; letter-spacing: .1em; }
.goal { display: inline-block; padding: 0 .5em; border-radius: 4px; font-size: .9em; }
.goal.yes { background: var(--ok); color: #fff; }
.goal.no { background: #eef1f5; color: var(--muted); }
.tag { background: #fff3e0; color: var(--warn); padding: 0 .4em; border-radius: 4px; font-size: .9em; }
td.ending.scammed { color: var(--accent); font-weight: bold; }
td.ending.safe { color: var(--ok); }
td.ending.partial { color: var(--warn); }
ul.checks { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .4em; }
ul.checks li { display: flex; flex-wrap: wrap; gap: .5em; align-items: baseline; }
ul.checks .badge { font-size: .85em; padding: 0 .5em; border-radius: 4px; color: #fff; background: var(--warn); }
ul.checks li.met .badge { background: var(--ok); }
ul.checks .missing { color: var(--muted); }
.nowrap { white-space: nowrap; }
progress { -webkit-appearance: none; appearance: none; width: 10em; height: .9em; border: 0;
  border-radius: .45em; background: #e3e8ee; vertical-align: middle; overflow: hidden; }
progress::-webkit-progress-bar { background: #e3e8ee; border-radius: .45em; }
progress::-webkit-progress-value { background: var(--bar); border-radius: .45em; }
progress::-moz-progress-bar { background: var(--bar); border-radius: .45em; }

/* The projector: dark, huge, readable from the back row of a lecture hall. */
body.projector { background: #0b1d33; color: #f2f6fb; font-size: clamp(16px, 1.6vw, 40px); }
main.proj { display: grid; grid-template-columns: 1.1fr 1fr; gap: 2vw; padding: 2.5vh 3vw; min-height: 100vh; }
.proj h2 { font-size: 1.5em; margin: .6em 0 .4em; color: #9ec3ea; }
.proj-class { font-size: 2em; font-weight: bold; margin: 0; }
.proj-hint { font-size: 1.1em; margin: .2em 0 0; color: #c9d7e6; }
.join-code { font-family: "DejaVu Sans Mono", monospace; font-weight: bold; font-size: min(11vw, 22vh);
  letter-spacing: .08em; line-height: 1.1; margin: .05em 0 .1em; color: #ffd54f; }
.goal-row { display: flex; align-items: center; gap: .6em; }
.goal-row progress { flex: 1; height: 1.6em; border-radius: .8em; background: #24405f; }
.goal-row progress::-webkit-progress-bar { background: #24405f; border-radius: .8em; }
.goal-row progress::-webkit-progress-value { background: linear-gradient(90deg, #43a047, #9ccc65); border-radius: .8em; }
.goal-row progress::-moz-progress-bar { background: #66bb6a; }
.big-pct { font-size: 2.4em; font-weight: bold; min-width: 3.2em; text-align: right; }
.goal-met { font-size: 1.8em; font-weight: bold; color: #9ccc65; margin: .2em 0; }
.goal-met[hidden] { display: none; }
.proj ul.checks { font-size: .95em; margin-top: .6em; }
.proj ul.checks .missing { color: #c9d7e6; }
ul.cats { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .45em; }
ul.cats li { display: grid; grid-template-columns: 8.6em 1fr 3.2em; align-items: center; gap: .5em; }
ul.cats progress { width: 100%; height: 1.1em; background: #24405f; }
ul.cats progress::-webkit-progress-bar { background: #24405f; }
ul.cats progress::-webkit-progress-value { background: #42a5f5; }
.cat-pct { text-align: right; font-weight: bold; }
.count { font-size: .8em; color: #f2f6fb; margin-left: .4em; }
ul.names { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .35em .5em; }
ul.names li { background: #1d3b5c; border-radius: .3em; padding: .1em .5em; }
.status { position: fixed; right: 1.5vw; bottom: 1vh; margin: 0; font-size: .7em; color: #7f97b0; }
body.offline .status { color: #ff8a80; font-weight: bold; }
@media (max-width: 800px) { main.proj { grid-template-columns: 1fr; } }
)CSS";
}

std::string_view dashboard_js() {
    return R"JS(
// Buttons that change something (new join code, remove a student) ask first.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-confirm]');
  Array.prototype.forEach.call(forms, function (f) {
    f.addEventListener('submit', function (e) {
      if (!window.confirm(f.getAttribute('data-confirm'))) e.preventDefault();
    });
  });
})();

// Projector refresh: fetch the class's progress every few seconds and update the page.
// Only textContent and properties are set, so names can never become markup.
(function () {
  'use strict';
  var body = document.body;
  var url = body.getAttribute('data-refresh-url');
  if (!url) return;
  var seconds = Math.max(2, parseInt(body.getAttribute('data-refresh-seconds') || '3', 10));

  function el(id) { return document.getElementById(id); }
  function setText(id, text) { var e = el(id); if (e) e.textContent = text; }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function span(cls, text) { var s = document.createElement('span'); s.className = cls; s.textContent = text; return s; }
  // Runs cut by the server (dashboard_phrases.h); "nowrap" ones must not break across lines.
  function phrases(cls, parts) {
    var s = document.createElement('span'); s.className = cls;
    parts.forEach(function (p) {
      s.appendChild(p.nowrap ? span('nowrap', p.text) : document.createTextNode(p.text));
    });
    return s;
  }
  function bar(pct, label) {
    var p = document.createElement('progress');
    p.max = 100; p.value = pct; p.setAttribute('aria-label', label);
    return p;
  }

  function render(d) {
    setText('p-class', d.class_name);
    setText('p-code', d.join_code);
    var goal = el('p-goal'); if (goal) goal.value = d.progress_pct;
    setText('p-goal-pct', d.progress_pct + '%');
    var met = el('p-goal-met'); if (met) met.hidden = !d.goal_met;
    var checks = el('p-checks');
    if (checks) {
      clear(checks);
      d.checks.forEach(function (c) {
        var li = document.createElement('li');
        li.className = c.met ? 'met' : 'unmet';
        li.appendChild(span('badge', c.met ? '已达成' : '未达成'));
        li.appendChild(span('label', c.label));
        if (c.missing) li.appendChild(phrases('missing', c.missing_parts || [{ text: c.missing, nowrap: false }]));
        checks.appendChild(li);
      });
    }
    var cats = el('p-cats');
    if (cats) {
      clear(cats);
      d.categories.forEach(function (c) {
        var li = document.createElement('li');
        li.appendChild(span('cat-name', c.name));
        li.appendChild(bar(c.finished_pct, c.name));
        li.appendChild(span('cat-pct', c.finished_pct + '%'));
        cats.appendChild(li);
      });
    }
    var done = el('p-done');
    if (done) {
      clear(done);
      d.finished.forEach(function (n) {
        var li = document.createElement('li'); li.textContent = n; done.appendChild(li);
      });
    }
    setText('p-done-count', String(d.finished.length));
    setText('p-students', String(d.students));
  }

  function tick() {
    fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        if (r.status === 401) { window.location.href = '/dashboard/login'; return null; }
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (d) {
        if (!d) return;
        render(d);
        body.classList.remove('offline');
        setText('p-status', '已更新 ' + new Date().toLocaleTimeString('zh-CN') + ' · 每 ' + seconds + ' 秒自动刷新');
      })
      .catch(function () {
        body.classList.add('offline');
        setText('p-status', '连接服务器中断，正在重试…');
      })
      .then(function () { window.setTimeout(tick, seconds * 1000); });
  }
  window.setTimeout(tick, seconds * 1000);
})();
)JS";
}

} // namespace ff::web
