#!/usr/bin/env python3
"""Screenshots of the dashboard steps in the README's "Run a class session" walkthrough.

Signs in to a running fraudfree-server with a counsellor token by typing it into the form,
fills in the create-class form and submits it, in headless Chromium (the DevTools client of
tests/server/dashboard_browser.py). Saves dashboard-login.png, dashboard-new-class.png and
dashboard-classes.png, and prints the new class's join code.

Usage: docs/walkthrough_dashboard.py --server http://127.0.0.1:8080 --token T --class NAME --out docs/images
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "server"))
from dashboard_browser import Chromium, Failure  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--class", dest="class_name", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    base = args.server.rstrip("/")
    profile = tempfile.mkdtemp(prefix="ffdocs-")
    browser = None
    try:
        browser = Chromium(args.chromium, profile, 1366, 768)
        browser.call("Page.navigate", url=base + "/dashboard")
        browser.page_ready("/dashboard/login")
        browser.js("document.getElementById('token').value = %s" % json.dumps(args.token))
        browser.screenshot(os.path.join(args.out, "dashboard-login.png"))
        browser.js("document.querySelector('form button[type=submit]').click()")
        browser.page_ready("/dashboard")

        browser.js("document.querySelector('a.button[href=\"/dashboard/classes/new\"]').click()")
        browser.page_ready("/dashboard/classes/new")
        browser.js("""(() => {
            document.getElementById('name').value = %s;
            for (const box of document.querySelectorAll('input[name=packs]')) box.checked = box.value === 'campus-core';
        })()""" % json.dumps(args.class_name))
        browser.screenshot(os.path.join(args.out, "dashboard-new-class.png"))
        browser.js("document.querySelector('form.stack button[type=submit]').click()")
        browser.wait_for("location.pathname === '/dashboard' && location.search.startsWith('?created=') && "
                         "document.readyState === 'complete'", "the class list after creating")
        browser.screenshot(os.path.join(args.out, "dashboard-classes.png"))
        print(browser.js("[...document.querySelectorAll('td.code')].pop().textContent"))
        return 0
    except (Failure, OSError) as e:
        print("walkthrough_dashboard: FAILED: %s" % e, file=sys.stderr)
        return 1
    finally:
        if browser:
            browser.close()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
