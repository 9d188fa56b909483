#!/usr/bin/env python3
"""Drives headless Chromium over the Chrome DevTools Protocol through a running `regio serve` page.

As a person would, with real mouse clicks and typing: loads the page; checks that every region shape,
school dot and region of the scenario is drawn; clicks a school on the map, chooses another region in its
panel and moves it; sees the figures of both regions change in the side list (and agree with the
server's state); undoes and redoes; saves the scenario under a name; reloads the page and finds the
scenario in the saved list; loads it again; downloads its scenario file. No console errors, and no
request to any other address than the server's. Writes a report (JSON) with the scenario file's path
and the figures the page showed for every region, which the calling test compares with
`regio compare --scenario` on the same file; and screenshots for a person to look at.

    python check_serve.py --url http://127.0.0.1:8080/ --report build/serve-report.json \
        --scenario-file build/serve-scenario.json --screenshot build/serve-screenshot.png

Exit code 0 when every check passes, 1 when one fails, 2 when Chromium or websocket-client is missing.
Needs `websocket-client` (Tests/oracle/requirements.txt) and Debian's `chromium`.
"""
import argparse
import json
import os
import pathlib
import shutil
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_map import Browser  # noqa: E402  (one headless Chromium spoken to over CDP)
from serve_page import ServePage  # noqa: E402
from checklist import Checklist  # noqa: E402  (ok/FAIL lines and the exit code)


class LoopbackBrowser(Browser):
    """check_map's Browser, started so that it reaches 127.0.0.1 and nothing else: every other host name
    still resolves to NOTFOUND, so a reference to another address could not load."""

    def __init__(self, binary, width, height):
        super().__init__(binary, width, height, resolver_rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the page, e.g. http://127.0.0.1:8080/")
    parser.add_argument("--report", required=True, help="where to write the figures the page showed (JSON)")
    parser.add_argument("--scenario-file", required=True, help="where to write the downloaded scenario file")
    parser.add_argument("--name", default="Browser check: move a school")
    parser.add_argument("--screenshot", default="build/serve-screenshot.png")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    if not shutil.which(args.chromium) and not os.path.exists(args.chromium):
        print("check_serve: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2

    url = args.url if args.url.endswith("/") else args.url + "/"
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(url))
    check = Checklist("check_serve")

    browser = LoopbackBrowser(args.chromium, args.width, args.height)
    try:
        page = ServePage(browser)
        js, wait, revision, after_change = page.js, page.wait, page.revision, page.after_change
        figures, all_figures, same_as_api = page.figures, page.all_figures, page.same_as_api

        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable")
        browser.send("Emulation.setDeviceMetricsOverride", width=args.width, height=args.height, deviceScaleFactor=1, mobile=False)
        browser.send("Page.navigate", url=url)
        browser.wait_for("Page.loadEventFired")
        wait("document.body.classList.contains('ready')", "the page to load its state")
        state = get_json(url + "api/state")
        check(True, f"the page loaded its state (revision {revision()})")

        m = state["map"]
        shapes = js("document.querySelectorAll('#layer-territories path.territory').length")
        with_shape = sum(1 for r in m["regions"] if r["path"])
        check(shapes == with_shape, f"{shapes} territory shapes, expected {with_shape}")
        dots = js("document.querySelectorAll('#layer-schools circle.school').length")
        check(dots == len(m["schools"]), f"{dots} school dots, expected {len(m['schools'])}")
        items = js("document.querySelectorAll('#region-list li[data-region]').length")
        check(items == len(state["regions"]), f"{items} regions in the side list, expected {len(state['regions'])}")
        check(same_as_api(state), "the side list shows the server's figures for every region")
        findings = js("document.querySelectorAll('#findings .finding-list li[data-rule]').length")
        check(findings == min(400, len(state["findings"])), f"{findings} findings listed, expected {len(state['findings'])}")
        browser.screenshot(args.screenshot)
        print(f"     screenshot {args.screenshot}")

        # Choose a school to move: technical, in exactly one region of two or more schools, its dot not hidden
        # under another; the target region is that of its nearest school in another region.
        chosen = page.clickable_school(state)
        if not check(chosen is not None, "a technical school whose dot can be clicked"):
            raise RuntimeError("nothing to move")
        school, source, target, point = chosen
        before_source, before_target = figures(source), figures(target)

        # Click the dot (a real mouse click), choose the target region in its panel, press Move.
        opened = page.open_school(point)
        check(opened == school["code"], f"clicking the dot of {school['code']} opens its panel ({opened})")
        page.choose_target(target)
        check(js("document.getElementById('move-to').value") == target, f"{target} chosen in the panel")
        browser.screenshot(str(pathlib.Path(args.screenshot).with_name(pathlib.Path(args.screenshot).stem + "-panel.png")))
        page.press_move()
        after_source, after_target = figures(source), figures(target)
        state = get_json(url + "api/state")
        check(state["edits"] == [{"move": school["code"], "to": target}], f"the server has the edit: move {school['code']} to {target}")
        check(after_source["schools"] == before_source["schools"] - 1 and after_target["schools"] == before_target["schools"] + 1,
              f"schools {source} {before_source['schools']} → {after_source['schools']}, {target} {before_target['schools']} → {after_target['schools']}")
        check(after_source["technical"] < before_source["technical"] and after_target["technical"] > before_target["technical"],
              f"technical students {source} {before_source['technical']} → {after_source['technical']}, "
              f"{target} {before_target['technical']} → {after_target['technical']}")
        check(after_source["text"]["technical"] != before_source["text"]["technical"]
              and after_target["text"]["budget"] != before_target["text"]["budget"],
              f"the figures shown change: {source} technical '{before_source['text']['technical']}' → '{after_source['text']['technical']}', "
              f"{target} budget '{before_target['text']['budget']}' → '{after_target['text']['budget']}'")
        check(same_as_api(state), "after the move the side list agrees with the server's state")
        check(js("document.getElementById('edit-count').textContent").startswith("1 edit"), "the toolbar counts 1 edit")
        dot_regions = js(f"document.querySelector('circle.school[data-school=\"{school['code']}\"]').classList.contains('moved')")
        check(dot_regions is True, "the moved school is marked on the map")
        browser.screenshot(str(pathlib.Path(args.screenshot).with_name(pathlib.Path(args.screenshot).stem + "-moved.png")))

        # Undo and redo with the toolbar buttons.
        previous = revision()
        browser.click("#undo")
        after_change(previous, "undo")
        check(figures(source)["technical"] == before_source["technical"] and figures(target)["technical"] == before_target["technical"],
              "undo brings the figures back")
        previous = revision()
        browser.click("#redo")
        after_change(previous, "redo")
        check(figures(source)["technical"] == after_source["technical"] and figures(target)["technical"] == after_target["technical"],
              "redo applies the move again")

        # Save under a name, typed into the field.
        browser.click("#save-name")
        browser.send("Input.insertText", text=args.name)
        browser.click("#save-button")
        wait(f"""Array.from(document.querySelectorAll('#scenario-list li[data-id] .name')).some(e => e.textContent === {json.dumps(args.name)})""",
             "the saved scenario in the list")
        named = wait(f"document.getElementById('edit-count').textContent.endsWith({json.dumps(args.name)})", "the saved name in the toolbar", 10)
        check(named is True, "the toolbar names the saved scenario")
        shown_after_save = all_figures()

        # Reload the page: the scenario is still listed (from the database), and loads again.
        js("window.__beforeReload = true")
        browser.send("Page.reload", ignoreCache=True)
        wait("!window.__beforeReload && document.readyState === 'complete' && document.body.classList.contains('ready')",
             "the reloaded page")
        def open_saved():
            if not js("document.getElementById('scenarios-box').open"):
                browser.click("#scenarios-box > summary")
            wait("document.getElementById('scenarios-box').open", "the saved list to open", 5)

        open_saved()
        ident = js(f"""(() => {{ const li = Array.from(document.querySelectorAll('#scenario-list li[data-id]'))
            .find(li => li.querySelector('.name').textContent === {json.dumps(args.name)}); return li ? li.dataset.id : null; }})()""")
        check(ident is not None, f"after a reload the saved list holds '{args.name}' (id {ident})")
        previous = revision()
        browser.click("#undo")
        after_change(previous, "undo before loading")
        check(figures(source)["technical"] == before_source["technical"], "undone before loading")
        open_saved()
        previous = revision()
        browser.click(f'#scenario-list li[data-id="{ident}"] button.load')
        after_change(previous, "loading the saved scenario")
        check(all_figures() == shown_after_save, "loading the saved scenario shows the figures it was saved with")
        check(js("document.getElementById('edit-count').textContent") == f"1 edit · {args.name}", "the toolbar names the loaded scenario")

        # The scenario file, as the page's download link gives it.
        href = js(f"""document.querySelector('#scenario-list li[data-id="{ident}"] a.download').href""")
        text = js(f"fetch({json.dumps(href)}).then(r => r.text())")
        scenario = json.loads(text)
        check(scenario == {"name": args.name, "edits": [{"move": school["code"], "to": target}]}, f"the scenario file holds the edit ({href})")
        pathlib.Path(args.scenario_file).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(args.scenario_file).write_text(text, encoding="utf-8")

        # Merge two regions and split one from the side list; undo each.
        def count():
            return js("document.querySelectorAll('#region-list li[data-region]').length")

        current = get_json(url + "api/state")
        sizes = {r["figures"]["id"]: len(r["figures"]["schools"]) for r in current["regions"]}
        region = next(i for i, n in sizes.items() if n >= 2)
        n0 = count()
        browser.click(f'#region-list li[data-region="{region}"]')
        wait("!document.getElementById('region-detail').hidden && !!document.getElementById('merge-button')", "the region's panel")
        portrait = wait("document.querySelector('#portrait .regio-portrait')?.innerText ?? ''", "the region's portrait")
        check(region in portrait and "Member schools" in portrait, f"selecting {region} in the side list shows its portrait")
        partner = js("document.getElementById('merge-with').value")
        previous = revision()
        browser.click("#merge-button")
        after_change(previous, "the merge")
        merged = figures(region)
        check(count() == n0 - 1 and figures(partner) is None and merged["schools"] == sizes[region] + sizes[partner],
              f"merging {region} and {partner} from the side list: {count()} regions, {region} has {merged['schools']} schools")
        previous = revision()
        browser.click("#undo")
        after_change(previous, "undoing the merge")
        check(count() == n0 and figures(partner) is not None, "undo brings the merged region back")
        if js("document.querySelector('#region-list li.selected')?.dataset.region ?? null") != region:
            browser.click(f'#region-list li[data-region="{region}"]')
        wait("!!document.getElementById('split-button')", "the split form")
        browser.click("#region-detail .split-schools input[type=checkbox]")
        new_id = js("document.getElementById('split-new').value")
        previous = revision()
        browser.click("#split-button")
        after_change(previous, "the split")
        split_off = figures(new_id)
        check(count() == n0 + 1 and split_off is not None and split_off["schools"] == 1
              and figures(region)["schools"] == sizes[region] - 1,
              f"splitting one school off {region} as {new_id} from the side list")
        previous = revision()
        browser.click("#undo")
        after_change(previous, "undoing the split")
        check(count() == n0 and figures(new_id) is None, "undo takes the split back")
        browser.screenshot(str(pathlib.Path(args.screenshot).with_name(pathlib.Path(args.screenshot).stem + "-region.png")))

        # Console and network, over everything above.
        time.sleep(0.2)
        js("0")
        errors = browser.console_errors()
        check(errors == [], f"no console errors {errors if errors else ''}")
        requests = [e["params"]["request"]["url"] for e in browser.events if e["method"] == "Network.requestWillBeSent"]
        others = [u for u in requests if not u.startswith(origin + "/")]
        check(requests and others == [], f"{len(requests)} requests, all to {origin} {others if others else ''}")

        report = {"url": url, "name": args.name, "school": school["code"], "from": source, "to": target,
                  "scenarioFile": str(pathlib.Path(args.scenario_file).resolve()), "figures": shown_after_save}
        pathlib.Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(args.report).write_text(json.dumps(report, indent=2, sort_keys=True), encoding="utf-8")
    except Exception as error:  # a step that could not even be tried is a failure, with its reason
        check(False, f"{type(error).__name__}: {error}")
    finally:
        browser.close()

    return check.exit_code()


if __name__ == "__main__":
    sys.exit(main())
