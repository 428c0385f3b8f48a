#!/usr/bin/env python3
"""Drives the counsellor dashboard in headless Chromium over the DevTools protocol.

Starts a fresh fraudfree-server on 127.0.0.1, signs in with a counsellor token by typing it
into the form, creates a class by ticking the form, lets students (one with the nickname
<script>alert(1)</script>) join and play through the JSON API, opens the projector view,
checks that it refreshes itself and that no script from a nickname ran, saves screenshots
of the projector and the report, and removes a student through the confirm dialog. Python standard library only.

Usage: dashboard_browser.py --server-bin BIN --source-dir DIR --out DIR [--chromium PATH] [--size WxH]
(--size: the browser window, 1600x900 by default; 1024x768 is an old projector.)
Exit code 0 on success; a failure prints what went wrong.
"""
import argparse
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.error
import urllib.request
import base64
import fcntl

DEADLINE = time.monotonic() + 150  # the whole run is bounded
HOSTILE = "<script>alert(1)</script>"


class Failure(Exception):
    pass


def left():
    remaining = DEADLINE - time.monotonic()
    if remaining <= 0:
        raise Failure("time is up (150 s)")
    return remaining


# ---------------------------------------------------------------- the server
class Server:
    def __init__(self, binary, source_dir, workdir):
        self.binary = binary
        self.db = os.path.join(workdir, "ff.db")
        self.log = open(os.path.join(workdir, "server.log"), "wb")
        self.token = self.run("token", "create", "--role", "counsellor", "--name", "张老师", "--db", self.db)
        self.proc = subprocess.Popen(
            [binary, "serve", "--db", self.db, "--listen", "127.0.0.1:0", "--packs",
             os.path.join(source_dir, "content"), "--quiet", "--join-limit", "1000"],
            stdout=subprocess.PIPE, stderr=self.log)
        line = b""
        while not line.endswith(b"\n"):
            r, _, _ = select.select([self.proc.stdout], [], [], min(left(), 30))
            if not r:
                raise Failure("server did not start")
            chunk = os.read(self.proc.stdout.fileno(), 256)
            if not chunk:
                raise Failure("server exited at start")
            line += chunk
        m = re.search(rb"http://127\.0\.0\.1:(\d+)", line)
        if not m:
            raise Failure("unexpected start line: %r" % line)
        self.base = "http://127.0.0.1:%s" % m.group(1).decode()

    def run(self, *args):
        out = subprocess.run([self.binary, *args], capture_output=True, timeout=30, check=True)
        return out.stdout.decode().strip()

    def api(self, method, path, body=None, token=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(req, timeout=20) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


# ---------------------------------------------------------------- choice paths from the TOML
def scenario_paths(pack_dir):
    """(scenario id, category, choice list) per scenario, walking the graph with a rule per variant."""
    scenarios = []
    for name in sorted(os.listdir(os.path.join(pack_dir, "scenarios"))):
        with open(os.path.join(pack_dir, "scenarios", name), "rb") as f:
            scenarios.append(tomllib.load(f))
    return scenarios


def walk(scenario, variant):
    nodes = {n["id"]: n for n in scenario.get("node", [])}
    at, choices = scenario["start"], []
    while at in nodes and len(choices) < 50:
        options = nodes[at]["choice"]
        k = (variant + len(choices)) % len(options)
        choices.append(k + 1)
        at = options[k]["next"]
    return choices


# ---------------------------------------------------------------- Chromium over a pipe
class Chromium:
    def __init__(self, binary, profile, width, height):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def wire():
            # Chromium reads commands on fd 3 and writes replies on fd 4. Move both out of
            # the way first so one dup2 cannot overwrite the other's source.
            r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=%d,%d" % (width, height),
             "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, pass_fds=(3, 4, to_chrome_r, from_chrome_w))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next((t for t in targets if t["type"] == "page"), None)
        target_id = page["targetId"] if page else self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target_id, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(domain + ".enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def _read_message(self):
        while b"\0" not in self.buf:
            r, _, _ = select.select([self.from_chrome], [], [], min(left(), 30))
            if not r:
                raise Failure("Chromium did not answer")
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                raise Failure("Chromium closed the pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise Failure("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method, seconds=20):
        """The next event named `method` (taken out of the event list)."""
        end = time.monotonic() + seconds
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    return self.events.pop(i)
            if time.monotonic() > end:
                raise Failure("no %s within %d s" % (method, seconds))
            left()
            msg = self._read_message()
            if "method" in msg:
                self.events.append(msg)

    def js(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise Failure("script failed: %s\n%s" % (expression, r["exceptionDetails"]))
        return r["result"].get("value")

    def wait_for(self, expression, what, seconds=30):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            left()
            try:
                if self.js(expression):
                    return
            except Failure:
                pass  # the page is between documents
            time.sleep(0.1)
        raise Failure("waited %d s for %s; page is %s, showing: %s" % (
            seconds, what, self.js("location.href"), (self.js("document.body && document.body.innerText") or "")[:400]))

    def page_ready(self, path):
        self.wait_for("document.readyState === 'complete' && location.pathname === %s" % json.dumps(path),
                      "page " + path)

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        data = self.call("Page.captureScreenshot", **params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def problems(self):
        """Dialogs (a script from a nickname ran), uncaught exceptions, CSP or console errors."""
        out = []
        for e in self.events:
            m = e.get("method")
            if m == "Page.javascriptDialogOpening":
                out.append("a dialog opened: " + e["params"].get("message", ""))
            elif m == "Runtime.exceptionThrown":
                out.append("exception: " + json.dumps(e["params"]["exceptionDetails"])[:300])
            elif m == "Log.entryAdded" and e["params"]["entry"]["level"] == "error":
                entry = e["params"]["entry"]
                if "favicon.ico" not in entry.get("url", ""):
                    out.append("console error: " + entry.get("text", ""))
        return out

    def close(self):
        try:
            self.session = None
            self.call("Browser.close")
        except Failure:
            pass
        try:
            os.close(self.to_chrome)
        except OSError:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.from_chrome)


# ---------------------------------------------------------------- the walkthrough
def seed_class(server, code, source_dir, names):
    """Students join with `code` and play; the first `finish_all` names play every scenario."""
    status, packs = server.api("GET", "/api/v1/packs")
    if status != 200:
        raise Failure("catalogue: %s %s" % (status, packs))
    pack_hash = next(p["hash"] for p in packs if p["id"] == "campus-core")
    scenarios = scenario_paths(os.path.join(source_dir, "content", "campus-core"))
    n = 0
    for i, (name, how_many) in enumerate(names):
        status, joined = server.api("POST", "/api/v1/join", {"join_code": code, "nickname": name})
        if status != 201:
            raise Failure("join %s: %s %s" % (name, status, joined))
        for s in scenarios[:how_many]:
            n += 1
            body = {"id": "00000000-0000-4000-8000-%012d" % n, "pack_id": "campus-core", "pack_hash": pack_hash,
                    "scenario_id": s["id"], "choices": walk(s, i)}
            status, reply = server.api("POST", "/api/v1/results", body, joined["student_token"])
            if status != 201:
                raise Failure("result %s: %s %s" % (body, status, reply))
    return len(scenarios)


# Category names and counts in the still-missing sentences are spans that must not break:
# each one lies on a single line (one client rect). Returns the ones that broke.
BROKEN_PHRASES = """[...document.querySelectorAll('%s .nowrap')]
    .filter(s => s.getClientRects().length !== 1).map(s => s.textContent)"""


def check_phrases(browser, scope, where):
    if not browser.js("document.querySelectorAll('%s .missing .nowrap').length" % scope):
        raise Failure("%s: the still-missing sentences have no kept-together phrases" % where)
    broken = browser.js(BROKEN_PHRASES % scope)
    if broken:
        raise Failure("%s: these phrases break across lines: %r" % (where, broken))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server-bin", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--out", required=True, help="folder for the screenshots")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--size", default="1600x900", help="browser window WIDTHxHEIGHT")
    args = ap.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    os.makedirs(args.out, exist_ok=True)

    work = tempfile.mkdtemp(prefix="ffdash-")
    server = browser = None
    try:
        server = Server(args.server_bin, args.source_dir, work)
        browser = Chromium(args.chromium, os.path.join(work, "profile"), width, height)
        base = server.base

        # Signed out: the dashboard sends us to the sign-in form.
        browser.call("Page.navigate", url=base + "/dashboard")
        browser.page_ready("/dashboard/login")
        browser.js("document.getElementById('token').value = %s" % json.dumps(server.token))
        browser.js("document.querySelector('form button[type=submit]').click()")
        browser.page_ready("/dashboard")
        if "已登录：张老师" not in browser.js("document.body.innerText"):
            raise Failure("not signed in")
        if server.token in browser.js("location.href + document.cookie"):
            raise Failure("the token is visible to page scripts or in the URL")

        # Create a class through the form.
        browser.js("document.querySelector('a.button[href=\"/dashboard/classes/new\"]').click()")
        browser.page_ready("/dashboard/classes/new")
        browser.js("""(() => {
            document.getElementById('name').value = '2026级计算机1班';
            for (const box of document.querySelectorAll('input[name=packs]')) box.checked = box.value === 'campus-core';
            document.getElementById('min_finished_pct').value = '80';
            document.querySelector('form.stack button[type=submit]').click();
        })()""")
        browser.wait_for("location.pathname === '/dashboard' && location.search.startsWith('?created=') && "
                         "document.readyState === 'complete'", "the class list after creating")
        if "已创建" not in browser.js("document.querySelector('.notice').textContent"):
            raise Failure("no notice after creating the class")
        code = browser.js("document.querySelector('td.code').textContent")
        if not re.fullmatch(r"[A-HJ-KMNP-Z2-9]{6}", code or ""):
            raise Failure("odd join code %r" % code)

        students = [("小李", 99), ("王同学", 99), (HOSTILE, 99), ("陈晨", 99), ("Alice", 99), ("赵一鸣", 10),
                    ("孙悦", 8), ("周周", 5), ("吴桐", 3), ("郑好", 1), ("冯雪", 0)]
        total = seed_class(server, code, args.source_dir, students)

        # The projector view, reached by its link on the class list.
        browser.call("Page.navigate", url=base + "/dashboard")
        browser.page_ready("/dashboard")
        browser.js("document.querySelector('td.actions a').click()")
        browser.wait_for("location.pathname.endsWith('/projector') && document.readyState === 'complete'",
                         "the projector view")
        shown = browser.js("document.getElementById('p-code').textContent")
        if shown != code:
            raise Failure("projector shows join code %r, expected %r" % (shown, code))
        names = browser.js("[...document.querySelectorAll('#p-done li')].map(li => li.textContent)")
        if HOSTILE not in names or "小李" not in names:
            raise Failure("finished list is %r" % names)
        if browser.js("document.scripts.length") != 1:
            raise Failure("a nickname became a script element")
        check_phrases(browser, "#p-checks", "projector")

        # It refreshes itself: a student joins now and appears without a reload.
        status, joined = server.api("POST", "/api/v1/join", {"join_code": code, "nickname": "迟到的同学"})
        if status != 201:
            raise Failure("late join failed")
        browser.wait_for("document.getElementById('p-students').textContent === '%d'" % (len(students) + 1),
                         "the projector to refresh itself", seconds=20)
        browser.wait_for("document.getElementById('p-status').textContent.startsWith('已更新')", "refresh status")
        names = browser.js("[...document.querySelectorAll('#p-done li')].map(li => li.textContent)")
        if HOSTILE not in names or browser.js("document.scripts.length") != 1:
            raise Failure("after refresh the finished list is %r" % names)
        check_phrases(browser, "#p-checks", "projector after its refresh")
        browser.screenshot(os.path.join(args.out, "dashboard-projector.png"))

        # The report: weak categories, who has not finished what, the CSV link.
        class_path = browser.js("location.pathname").rsplit("/", 1)[0]
        browser.call("Page.navigate", url=base + class_path + "/report")
        browser.page_ready(class_path + "/report")
        text = browser.js("document.body.innerText")
        for needle in ("薄弱类别", "冯雪", "0 / %d" % total, HOSTILE, "导出 CSV"):
            if needle not in text:
                raise Failure("report lacks %r" % needle)
        if browser.js("document.scripts.length") != 1:
            raise Failure("a nickname became a script element in the report")
        check_phrases(browser, "", "report")
        csv_href = browser.js("document.querySelector('a[download]').getAttribute('href')")
        if csv_href != class_path + "/report.csv":
            raise Failure("CSV link is %r" % csv_href)
        browser.screenshot(os.path.join(args.out, "dashboard-report.png"), full_page=True)

        # Removing a student asks first (the dashboard script's confirm), then the row is gone.
        browser.js("setTimeout(() => [...document.querySelectorAll('tr')].find(tr => tr.textContent.includes('冯雪'))"
                   ".querySelector('button.danger').click(), 0)")
        dialog = browser.wait_event("Page.javascriptDialogOpening")["params"]
        if dialog["type"] != "confirm" or "冯雪" not in dialog["message"]:
            raise Failure("unexpected dialog %r" % dialog)
        browser.call("Page.handleJavaScriptDialog", accept=True)
        browser.wait_for("document.readyState === 'complete' && !document.body.innerText.includes('冯雪')",
                         "the report without the removed student")

        problems = browser.problems()
        if problems:
            raise Failure("browser reported:\n  " + "\n  ".join(problems))
        print("dashboard_browser: ok; screenshots in %s" % args.out)
        return 0
    except (Failure, subprocess.SubprocessError, OSError, KeyError, StopIteration) as e:
        print("dashboard_browser: FAILED: %s" % e, file=sys.stderr)
        if server:
            try:
                with open(os.path.join(work, "server.log"), "rb") as f:
                    sys.stderr.write(f.read()[-3000:].decode(errors="replace"))
            except OSError:
                pass
        return 1
    finally:
        if browser:
            browser.close()
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
