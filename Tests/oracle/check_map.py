#!/usr/bin/env python3
"""Drives headless Chromium over the Chrome DevTools Protocol to check a `regio map` page.

Checks: no console errors or uncaught exceptions; no network request other than the file:// page itself
(the browser also runs with every host name mapped to NOTFOUND, so a reference could not load anyway);
one territory shape per region with a path and one dot per school of the embedded data; the region list
has one entry per region of the pre-registration; clicking a region in the list shows its portrait and
Ctrl-clicking a second shows both; the colour toggle and the zoom buttons work. Writes a screenshot of
the map, one with two regions selected and one of their portraits (`-selected.png`, `-portrait.png`
beside it) for a person to look at.

    python check_map.py --html MAP.html --registrations registrations.csv --screenshot build/map-screenshot.png

Exit code 0 when every check passes, 1 when one fails, 2 when Chromium or websocket-client is missing.
Needs `websocket-client` (Tests/oracle/requirements.txt) and Debian's `chromium`.
"""
import argparse
import base64
import csv
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    import websocket  # websocket-client
except ImportError:  # pragma: no cover
    print("check_map: websocket-client is missing: .venv/bin/pip install -r Tests/oracle/requirements.txt", file=sys.stderr)
    sys.exit(2)


class Browser:
    """One headless Chromium with one page, spoken to over CDP."""

    def __init__(self, binary, width, height, resolver_rules="MAP * ~NOTFOUND"):
        """`resolver_rules`: Chromium's --host-resolver-rules; by default every host name fails to resolve,
        so a page that referred to any other address could not load it."""
        port = self.launch(binary, width, height, resolver_rules)
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def launch(self, binary, width, height, resolver_rules):
        """Starts headless Chromium with a fresh profile (`self.process`, `self.profile`); returns the port of
        its DevTools endpoint."""
        self.ws = None
        self.profile = tempfile.mkdtemp(prefix="regio-chromium-")
        args = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-sync", "--disable-component-update", "--disable-default-apps",
                f"--host-resolver-rules={resolver_rules}", "--hide-scrollbars", "--mute-audio",
                f"--window-size={width},{height}", f"--user-data-dir={self.profile}",
                "--remote-debugging-port=0", "about:blank"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = pathlib.Path(self.profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.time() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not start its DevTools endpoint")
            time.sleep(0.05)
        return port_file.read_text().split()[0]

    def send(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        for event in self.events:
            if event["method"] == method:
                return event
        while time.time() < deadline:
            self.ws.settimeout(max(0.1, deadline - time.time()))
            message = json.loads(self.ws.recv())
            if "method" in message:
                self.events.append(message)
                if message["method"] == method:
                    return message
        raise RuntimeError(f"timed out waiting for {method}")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluating {expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector, modifiers=0):
        """A real mouse click (pressed and released) at the centre of the element."""
        box = self.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        if box is None:
            raise RuntimeError(f"no element {selector}")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            extra = {} if kind == "mouseMoved" else {"button": "left", "clickCount": 1}
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], modifiers=modifiers, **extra)

    def screenshot(self, path):
        png = base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"])
        pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(path).write_bytes(png)

    def console_errors(self):
        """Uncaught exceptions, console errors and error log entries among the events received so far."""
        errors = []
        for e in self.events:
            method, p = e["method"], e.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(p["exceptionDetails"].get("exception", {}).get("description") or p["exceptionDetails"].get("text"))
            elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
                errors.append(p["entry"].get("text"))
        return errors

    def close(self):
        try:
            if self.ws is not None:
                self.ws.close()
        except Exception:
            pass
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def region_ids(registrations):
    with open(registrations, newline="", encoding="utf-8-sig") as f:
        sample = f.read(4096)
        f.seek(0)
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
        return {row["regio_id"].strip() for row in csv.DictReader(f, delimiter=delimiter) if row.get("regio_id", "").strip()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", required=True)
    parser.add_argument("--registrations", help="the pre-registration the map was made from (region count)")
    parser.add_argument("--screenshot", default="build/map-screenshot.png")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    if not shutil.which(args.chromium) and not os.path.exists(args.chromium):
        print("check_map: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2

    page_url = pathlib.Path(args.html).resolve().as_uri()
    blob_text = pathlib.Path(args.html).read_text(encoding="utf-8")
    start = blob_text.index('<script type="application/json" id="regio-map-data">')
    start = blob_text.index(">", start) + 1
    data = json.loads(blob_text[start:blob_text.index("</script>", start)])
    regions_with_shape = [r for r in data["regions"] if r["path"]]

    failures = []

    def check(condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        if not condition:
            failures.append(message)

    browser = Browser(args.chromium, args.width, args.height)
    try:
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable")
        browser.send("Emulation.setDeviceMetricsOverride", width=args.width, height=args.height,
                     deviceScaleFactor=1, mobile=False)
        browser.send("Page.navigate", url=page_url)
        browser.wait_for("Page.loadEventFired")
        ready = browser.evaluate("document.body.classList.contains('ready')")
        check(ready is True, "the script ran to the end (body.ready)")

        shapes = browser.evaluate("document.querySelectorAll('#layer-territories path.territory').length")
        check(shapes == len(regions_with_shape), f"{shapes} territory shapes, expected {len(regions_with_shape)}")
        dots = browser.evaluate("document.querySelectorAll('#layer-schools circle.school').length")
        check(dots == len(data["schools"]), f"{dots} school dots, expected {len(data['schools'])}")
        items = browser.evaluate("document.querySelectorAll('#region-list .region-item').length")
        check(items == len(data["regions"]), f"{items} regions in the list, expected {len(data['regions'])}")
        if args.registrations:
            expected = len(region_ids(args.registrations))
            check(items == expected, f"{items} regions in the list, {expected} in {args.registrations}")
        labels = browser.evaluate("document.querySelectorAll('#layer-labels text.label').length")
        check(labels == sum(1 for r in data["regions"] if r.get("label")), f"{labels} labels")
        pairs = browser.evaluate("document.querySelectorAll('#layer-findings line.pair').length")
        rings = browser.evaluate("document.querySelectorAll('#layer-findings circle.ring').length")
        check(pairs == len(data["pairs"]) and rings == len(data["rings"]), f"{pairs} close-by lines and {rings} rings drawn")
        check(browser.evaluate("getComputedStyle(document.querySelector('.school')).r !== ''"), "dot radius follows the zoom (CSS r)")

        browser.screenshot(args.screenshot)
        print(f"     screenshot {args.screenshot}")

        # Selecting: a click in the list shows that region's portrait; Ctrl-click adds a second.
        first, second = data["regions"][0]["id"], data["regions"][1]["id"]
        browser.click(f'#region-list .region-item[data-region="{first}"]')
        visible = browser.evaluate("Array.from(document.querySelectorAll('.portrait-card')).filter(c => c.offsetParent !== null).map(c => c.dataset.region)")
        check(visible == [first], f"clicking {first} in the list shows its portrait (visible: {visible})")
        text = browser.evaluate(f"document.querySelector('.portrait-card[data-region=\"{first}\"]').innerText")
        check(first in text and "Member schools" in text and "Technical share" in text, "the portrait names the region, members and share")
        check(browser.evaluate(f"document.querySelector('path.territory[data-region=\"{first}\"]')?.classList.contains('selected') ?? true"),
              "its territory is highlighted")
        browser.click(f'#region-list .region-item[data-region="{second}"]', modifiers=2)  # 2 = Ctrl
        visible = browser.evaluate("Array.from(document.querySelectorAll('.portrait-card')).filter(c => c.offsetParent !== null).map(c => c.dataset.region)")
        check(sorted(visible) == sorted([first, second]), f"Ctrl-click adds {second} (visible: {visible})")
        browser.click('#zoom-selection')
        shot = pathlib.Path(args.screenshot)
        browser.screenshot(str(shot.with_name(shot.stem + "-selected.png")))
        browser.evaluate("document.getElementById('portraits').scrollIntoView()")
        browser.screenshot(str(shot.with_name(shot.stem + "-portrait.png")))
        browser.evaluate("window.scrollTo(0, 0)")

        # Colour modes and zoom.
        before = browser.evaluate(f"document.querySelector('path.territory').getAttribute('fill')")
        browser.click('[data-mode="status"]')
        after = browser.evaluate(f"document.querySelector('path.territory').getAttribute('fill')")
        pressed = browser.evaluate("document.querySelector('[data-mode=\"status\"]').getAttribute('aria-pressed')")
        check(pressed == "true" and (before != after or data["regions"][0]["status"] == "ok"), f"status mode recolours ({before} → {after})")
        browser.click('#zoom-reset')
        box0 = browser.evaluate("document.getElementById('map').getAttribute('viewBox')")
        browser.click('#zoom-in')
        box1 = browser.evaluate("document.getElementById('map').getAttribute('viewBox')")
        check(float(box1.split()[2]) < float(box0.split()[2]), f"zoom in narrows the viewBox ({box0} → {box1})")
        browser.send("Input.dispatchKeyEvent", type="keyDown", key="Escape", code="Escape", windowsVirtualKeyCode=27)
        browser.send("Input.dispatchKeyEvent", type="keyUp", key="Escape", code="Escape", windowsVirtualKeyCode=27)
        check(browser.evaluate("document.body.classList.contains('has-selection')") is False, "Esc clears the selection")

        # Print: controls hidden, the map first, every portrait after it when none is selected.
        browser.send("Emulation.setEmulatedMedia", media="print")
        hidden = browser.evaluate("['.side', '.zoom', '.controls'].every(s => getComputedStyle(document.querySelector(s)).display === 'none')")
        check(hidden is True, "print hides the controls and the region list")
        cards = browser.evaluate("Array.from(document.querySelectorAll('.portrait-card')).filter(c => getComputedStyle(c).display !== 'none').length")
        check(cards == len(data["regions"]), f"print shows all {len(data['regions'])} portraits when none is selected ({cards})")
        browser.screenshot(str(shot.with_name(shot.stem + "-print.png")))
        pdf = base64.b64decode(browser.send("Page.printToPDF", landscape=True, printBackground=True,
                                            preferCSSPageSize=True)["data"])
        shot.with_name(shot.stem + "-print.pdf").write_bytes(pdf)
        pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
        check(pdf.startswith(b"%PDF") and pages >= 2, f"prints to PDF: the map, then the portraits ({pages} pages, {len(pdf) // 1024} kB)")
        browser.send("Emulation.setEmulatedMedia", media="")

        # Console and network, over everything above.
        time.sleep(0.2)
        browser.evaluate("0")
        errors = browser.console_errors()
        check(errors == [], f"no console errors {errors if errors else ''}")
        requests = [e["params"]["request"]["url"] for e in browser.events if e["method"] == "Network.requestWillBeSent"]
        others = [u for u in requests if u != page_url]
        check(page_url in requests and others == [], f"no network request but the page itself {others if others else ''}")
    finally:
        browser.close()

    if failures:
        print(f"check_map: {len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
