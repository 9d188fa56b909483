#!/usr/bin/env python3
"""Checks the planning page's fixes of issue 14 in headless Chromium, over the DevTools protocol, with real
mouse events on a running `regio serve` page (English):

- a click picks the school nearest to the pointer: at the whole-country view, the centre of a school's dot
  that another school's dot covers opens the covered school's panel, not the one drawn on top;
- the school's tooltip is hidden when its panel opens, and stays hidden while the panel is open;
- the "Move to" list holds every other region nearest first, by the distance from the school to the
  region's nearest school (worked out here from the state's map positions, metres), each with its distance;
- region colours are the same after a reload, after an edit (a move), after reloading the edited scenario and
  after undoing the edit, and are the server's;
- every finding reads "SEVERITY rule message": a space between the severity and the rule in the text.

    python check_serve_fixes.py --url http://127.0.0.1:8080/ --screenshot build/serve-fixes.png

Exit code 0 when every check passes, 1 when one fails, 2 when Chromium or websocket-client is missing.
"""
import argparse
import json
import math
import os
import pathlib
import re
import shutil
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_serve import LoopbackBrowser, get_json  # noqa: E402  (headless Chromium that reaches 127.0.0.1 only)
from checklist import Checklist  # noqa: E402  (ok/FAIL lines and the exit code)
from serve_page import ServePage  # noqa: E402  (js and wait on the page)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the page, e.g. http://127.0.0.1:8080/")
    parser.add_argument("--screenshot", default="build/serve-fixes.png")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    if not shutil.which(args.chromium) and not os.path.exists(args.chromium):
        print("check_serve_fixes: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    url = args.url if args.url.endswith("/") else args.url + "/"
    check = Checklist("check_serve_fixes")

    browser = LoopbackBrowser(args.chromium, args.width, args.height)
    try:
        # Evaluating and polling as serve_page does (a navigation in between is waited out, not an error).
        page = ServePage(browser)
        js, wait = page.js, page.wait

        def mouse(kind, x, y):
            extra = {} if kind == "mouseMoved" else {"button": "left", "clickCount": 1}
            browser.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, **extra)

        def load():
            js("window.__beforeLoad = true")
            browser.send("Page.reload", ignoreCache=True)
            wait("!window.__beforeLoad && document.readyState === 'complete' && document.body.classList.contains('ready')",
                 "the page to load its state")

        def colours():
            return js("""Object.fromEntries(Array.from(document.querySelectorAll('#layer-territories path[data-region]'))
                .map(p => [p.dataset.region, p.getAttribute('fill')]))""")

        for domain in ("Page", "Runtime"):
            browser.send(f"{domain}.enable")
        browser.send("Emulation.setDeviceMetricsOverride", width=args.width, height=args.height, deviceScaleFactor=1, mobile=False)
        browser.send("Page.navigate", url=url)
        browser.wait_for("Page.loadEventFired")
        wait("document.body.classList.contains('ready')", "the page to load its state")
        state = get_json(url + "api/state")
        m, unit = state["map"], state["map"]["frame"]["unitMeters"]

        # ---- the label spacing: "WARNING enclave …", as the text reads (innerText, with the CSS's capitals).
        lines = js("Array.from(document.querySelectorAll('#findings li[data-rule]')).map(li => [li.dataset.rule, li.innerText])")
        check(len(lines) > 0, f"{len(lines)} findings listed")
        spaced = [text for rule, text in lines if re.match(r"^(ERROR|WARNING|INFO) " + re.escape(rule) + r" \S", text)]
        check(len(spaced) == len(lines), f"every finding reads 'SEVERITY rule message' ({len(spaced)} of {len(lines)}); "
              f"first: {lines[0][1][:60]!r}")

        # ---- colours: the server's, and the same after a reload.
        first = colours()
        served = {r["id"]: r["color"] for r in m["regions"] if r["path"]}
        check(first == served, f"the {len(first)} territories have the server's colours")
        load()
        check(colours() == first, "every region keeps its colour after a reload")

        # ---- a click picks the nearest school: a dot whose centre another dot covers, at the whole-country view.
        dots = js("""Array.from(document.querySelectorAll('#layer-schools circle.school')).map(c => {
            const r = c.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
            const top = document.elementFromPoint(x, y);
            return [c.dataset.school, x, y, top && top.dataset ? (top.dataset.school || null) : null]; })""")
        by_code = {s["code"]: s for s in m["schools"]}
        regions = {r["figures"]["id"]: r["figures"] for r in state["regions"]}
        covered = None
        for code, x, y, top in dots:
            s = by_code[code]
            if top is None or top == code or len(s["regions"]) != 1:
                continue
            # Another school's dot is on top here; this school's centre must still be the nearest one by far.
            others = [math.hypot(ox - x, oy - y) for other, ox, oy, _ in dots if other != code]
            if min(others) >= 1.5:
                covered = (code, x, y, top)
                break
        if check(covered is not None, "a school whose dot another school's dot covers at the whole-country view"):
            code, x, y, top = covered
            mouse("mouseMoved", x, y)
            shown = wait("!document.getElementById('tooltip').hidden && document.getElementById('tooltip').innerText", "the tooltip")
            check(code in shown, f"the tooltip at the centre of {code}'s dot names {code}, not {top} drawn on top")
            mouse("mousePressed", x, y)
            mouse("mouseReleased", x, y)
            opened = wait("!document.getElementById('school-panel').hidden && document.getElementById('school-panel').dataset.school",
                          "the school panel")
            check(opened == code, f"a click at the centre of {code}'s dot opens {code} ({opened}), not {top} drawn on top")
            check(js("document.getElementById('tooltip').hidden") is True, "the tooltip is hidden when the panel opens")
            mouse("mouseMoved", x + 3, y + 2)
            time.sleep(0.1)
            check(js("document.getElementById('tooltip').hidden") is True, "and stays hidden while the panel is open")
            browser.screenshot(args.screenshot)
            print(f"     screenshot {args.screenshot}")

            # ---- the move list: nearest first, by the distance to each region's nearest school.
            options = js("""Array.from(document.querySelectorAll('#move-to option')).map(o =>
                [o.value, o.textContent, o.dataset.metres === undefined ? null : Number(o.dataset.metres)])""")
            school = by_code[code]
            expected = []
            for rid, f in regions.items():
                if school["regions"] == [rid]:
                    continue
                near = [math.hypot(by_code[c]["x"] - school["x"], by_code[c]["y"] - school["y"]) * unit
                        for c in f["schools"] if c in by_code and c != code]
                expected.append((min(near) if near else math.inf, rid))
            expected.sort()
            check([o[0] for o in options] == [rid for _, rid in expected],
                  f"'Move to' lists the {len(options)} other regions nearest first: {[o[1] for o in options[:3]]} …")
            placed = [(o, d) for o, (d, _) in zip(options, expected) if d != math.inf]
            check(all(o[2] is not None and abs(o[2] - d) <= 1 for o, d in placed),
                  "each with the distance to its nearest school, metres")
            def shown_km(text):
                found = re.fullmatch(r".* · (\d+\.\d) km", text)
                return float(found.group(1)) if found else None
            check(all(o[1].startswith(o[0] + " · ") and shown_km(o[1]) is not None and abs(shown_km(o[1]) - d / 1000) <= 0.05 + 1e-9
                      for o, d in placed), f"shown in km with one decimal: {options[0][1]!r}")

            # ---- colours after an edit: move the school to the nearest region.
            target = options[0][0]
            js(f"document.getElementById('move-to').value = {json.dumps(target)}")
            before = js("Number(document.body.dataset.revision)")
            browser.click("#move-button")
            wait(f"Number(document.body.dataset.revision) !== {before} && !document.body.classList.contains('busy')", "the move")
            after = colours()
            same = [rid for rid in first if rid in after and after[rid] == first[rid]]
            check(len(same) == len(first) and len(after) == len(first),
                  f"every region keeps its colour after moving {code} to {target} "
                  f"({[rid for rid in first if after.get(rid) != first[rid]]} changed)")
            # The page shows what the server gives: after a reload the edited scenario keeps the colours too.
            load()
            check(colours() == after, "and after reloading the edited scenario")
            browser.click("#undo")
            wait("!document.body.classList.contains('busy') && document.getElementById('edit-count').textContent.startsWith('base')",
                 "the undo")
            check(colours() == first, "and after undoing it")
    except Exception as error:  # a step that could not even be tried is a failure, with its reason
        check(False, f"{type(error).__name__}: {error}")
    finally:
        browser.close()

    return check.exit_code()


if __name__ == "__main__":
    sys.exit(main())
