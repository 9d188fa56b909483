#!/usr/bin/env python3
"""Two people on one `regio serve --team`, each in a headless Chromium context of their own (separate cookie
jars, as two computers), driven over the DevTools protocol with real clicks and typing:

1. the region signs in on the login page, lands on the planning page, clicks one of its schools on the map and
   moves it to the neighbouring region, and submits the scenario as a proposal with a note;
2. the support team signs in (its own workspace: none of the region's edits), finds the proposal in the
   proposals panel with its author, compares it (the regions it changes, with the figures before and after,
   as the API's comparison says) and accepts it with a comment;
3. the region sees the decision and the comment in its panel.

No console errors in either page, and no request to any other address than the server's. Writes a report
(JSON: the proposal's id, the edit, the status seen by each side) for the calling test, and screenshots.

    python check_team_browser.py --url http://127.0.0.1:8080/ --region-user noord --region-password … \
        --region STO19001 --support-user anna --support-password … --report build/team.json --screenshots build/team

Exit code 0 when every check passes, 1 when one fails, 2 when Chromium or websocket-client is missing.
"""
import argparse
import json
import os
import pathlib
import shutil
import sys
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from cdp_contexts import Chromium  # noqa: E402
from checklist import Checklist  # noqa: E402
from serve_page import ServePage  # noqa: E402


def api(tab, path, method="GET", body=None):
    """A request of the page itself (its cookies; the CSRF token of GET /api/me on a change): {status, body}."""
    return tab.evaluate(f"""(async () => {{
        const headers = {{'Content-Type': 'application/json'}};
        if ({json.dumps(method)} !== 'GET') headers['X-CSRF-Token'] = (await (await fetch('/api/me')).json()).csrfToken;
        const r = await fetch({json.dumps(path)}, {{method: {json.dumps(method)}, headers,
            body: {json.dumps(None if body is None else json.dumps(body))} ?? undefined}});
        const text = await r.text(); let json = null; try {{ json = JSON.parse(text); }} catch (e) {{}}
        return {{status: r.status, body: json ?? text}}; }})()""")


def open_panel(tab, page):
    """Opens the proposals panel from the user bar (if closed) and waits for its list."""
    if tab.evaluate("document.getElementById('team-panel').hidden"):
        tab.click("#team-proposals-toggle")
    page.wait("!document.getElementById('team-panel').hidden && !!document.querySelector('#proposal-list li')", "the proposals panel")


def item(tab, proposal):
    """What the panel shows of proposal `proposal`: status, texts of the item, or None."""
    return tab.evaluate(f"""(() => {{ const li = document.querySelector('#proposal-list li[data-id="{proposal}"]');
        return li ? {{status: li.dataset.status, text: li.innerText,
                      reviews: Array.from(li.querySelectorAll('.proposal-review')).map(e => e.textContent)}} : null; }})()""")


def submit_proposal(tab, page, name, note, check):
    """Types the name and the note into the panel's form and presses Submit; returns the new proposal's id."""
    open_panel(tab, page)
    before = tab.evaluate("Array.from(document.querySelectorAll('#proposal-list li[data-id]')).map(li => +li.dataset.id)")
    tab.click("#proposal-name")
    tab.send("Input.insertText", text=name)
    tab.click("#proposal-note")
    tab.send("Input.insertText", text=note)
    tab.click("#proposal-submit")
    ident = page.wait(f"""(() => {{ const ids = Array.from(document.querySelectorAll('#proposal-list li[data-id]')).map(li => +li.dataset.id)
        .filter(i => !{json.dumps(before)}.includes(i)); return ids.length ? ids[0] : null; }})()""", "the submitted proposal in the list")
    shown = item(tab, ident)
    check(shown["status"] == "submitted" and name in shown["text"] and note in shown["text"],
          f"{tab.name}: proposal #{ident} '{name}' is listed as submitted, with its note")
    return ident


def sign_in(tab, page, url, name, password, check):
    """Opens the server's address, is sent to the login page, types the name and password and presses Sign in;
    waits for the planning page."""
    tab.navigate(url)
    page.wait("location.pathname === '/login' && !!document.getElementById('login-form')", "the login page")
    check(True, f"{tab.name}: {url} without a session shows the login page")
    tab.click("#login-name")
    tab.send("Input.insertText", text=name)
    tab.click("#login-password")
    tab.send("Input.insertText", text=password)
    tab.click("#login-submit")
    page.wait("location.pathname === '/' && !!document.body && document.body.classList.contains('ready')", f"{tab.name}'s planning page", 60)
    cookies = tab.cookies()
    check(len(cookies) == 1 and cookies[0]["httpOnly"] and cookies[0]["sameSite"] == "Strict",
          f"{tab.name}: signed in as {name}, one HttpOnly SameSite=Strict cookie in its own context")
    check(tab.evaluate("document.cookie") == "", f"{tab.name}: the page's scripts cannot read the session cookie")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--region-user", required=True)
    parser.add_argument("--region-password", required=True)
    parser.add_argument("--region", required=True, help="the region user's region, e.g. STO19001")
    parser.add_argument("--support-user", required=True)
    parser.add_argument("--support-password", required=True)
    parser.add_argument("--name", default="Noord: one school to the neighbours")
    parser.add_argument("--note", default="Closer to the neighbouring region's schools; agreed with both boards.")
    parser.add_argument("--comment", default="Accepted: the figures of both regions stay within the rules.")
    parser.add_argument("--report", required=True)
    parser.add_argument("--screenshots", default="build/team", help="path prefix of the screenshots")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    if not shutil.which(args.chromium) and not os.path.exists(args.chromium):
        print("check_team_browser: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2

    url = args.url if args.url.endswith("/") else args.url + "/"
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(url))
    check = Checklist("check_team_browser")
    pathlib.Path(args.screenshots).parent.mkdir(parents=True, exist_ok=True)
    report = {}
    browser = Chromium(args.chromium, args.width, args.height, resolver_rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
    try:
        region_tab, support_tab = browser.tab("region"), browser.tab("support")
        region, support = ServePage(region_tab), ServePage(support_tab)

        # 1. The region signs in, moves one of its schools, and submits the scenario as a proposal.
        sign_in(region_tab, region, url, args.region_user, args.region_password, check)
        check(support_tab.cookies() == [], "support: no cookie yet (a cookie jar of its own)")
        state = api(region_tab, "/api/state")["body"]
        chosen = region.clickable_school(state, regions={args.region})
        if not check(chosen is not None, f"a school of {args.region} whose dot can be clicked"):
            raise RuntimeError("nothing to move")
        school, source, target, point = chosen
        before_source, before_target = region.figures(source), region.figures(target)
        opened = region.open_school(point)
        check(opened == school["code"], f"region: clicking the dot of {school['code']} opens its panel ({opened})")
        check(region.choose_target(target) == target, f"region: {target} chosen in the panel")
        region.press_move()
        edit = {"move": school["code"], "to": target}
        state = api(region_tab, "/api/state")["body"]
        check(state["edits"] == [edit], f"region: the workspace has the edit {edit}")
        after_source, after_target = region.figures(source), region.figures(target)
        check(after_source["schools"] == before_source["schools"] - 1 and after_target["schools"] == before_target["schools"] + 1,
              f"region: schools {source} {before_source['schools']} → {after_source['schools']}, "
              f"{target} {before_target['schools']} → {after_target['schools']}")
        report["edit"] = edit

        proposal = submit_proposal(region_tab, region, args.name, args.note, check)
        report["proposal"] = proposal
        # A second, other proposal (the move undone, another school moved), for the support team to compare.
        previous = region.revision()
        region_tab.click("#undo")
        region.after_change(previous, "undo")
        state = api(region_tab, "/api/state")["body"]
        others = [c for c in [region.clickable_school(state, regions={r["figures"]["id"]}) for r in state["regions"]
                              if r["figures"]["id"] not in (source, args.region)][:1] if c]
        second = None
        if check(bool(others), "region: another school to move, for a second proposal"):
            school2, _, target2, point2 = others[0]
            region.open_school(point2)
            region.choose_target(target2)
            region.press_move()
            second = submit_proposal(region_tab, region, args.name + " (variant)", "The other option.", check)
        region_tab.screenshot(f"{args.screenshots}-region.png")

        # 2. The support team signs in: a workspace of its own, the proposals in its panel; compares, accepts.
        sign_in(support_tab, support, url, args.support_user, args.support_password, check)
        check(api(support_tab, "/api/state")["body"]["edits"] == [], "support: its own workspace, without the region's edits")
        open_panel(support_tab, support)
        shown = item(support_tab, proposal)
        check(shown is not None and shown["status"] == "submitted" and args.region_user in shown["text"] and args.note in shown["text"],
              f"support: sees proposal #{proposal} of {args.region_user}, submitted, with its note")
        if second is not None:
            for ident in (proposal, second):
                support_tab.click(f'#proposal-list li[data-id="{ident}"] input.proposal-pick')
            support_tab.click("#proposal-compare")
            rows = support.wait("document.querySelectorAll('#proposal-comparison table tr').length", "the comparison table")
            expected = api(support_tab, f"/api/proposals/{proposal}/compare/{second}")["body"]
            regions_shown = support_tab.evaluate("""Array.from(document.querySelectorAll('#proposal-comparison table tr'))
                .slice(1).map(tr => tr.cells[0].textContent)""")
            check(rows - 1 == len(expected["regions"]) and regions_shown == [r["id"] for r in expected["regions"]]
                  and source in regions_shown and target in regions_shown,
                  f"support: compares #{proposal} and #{second} side by side: regions {regions_shown}")
            support_tab.screenshot(f"{args.screenshots}-support-compare.png")
        support_tab.click(f'#proposal-list li[data-id="{proposal}"] textarea.proposal-comment')
        support_tab.send("Input.insertText", text=args.comment)
        support_tab.click(f'#proposal-list li[data-id="{proposal}"] button.proposal-accept')
        support.wait(f"""document.querySelector('#proposal-list li[data-id="{proposal}"]')?.dataset.status === 'accepted'""",
                     "the accepted proposal")
        shown = item(support_tab, proposal)
        check(any(args.comment in r for r in shown["reviews"]), f"support: #{proposal} accepted, with the comment {shown['reviews']}")
        support_tab.screenshot(f"{args.screenshots}-support.png")
        report["status"] = api(support_tab, f"/api/proposals/{proposal}")["body"].get("status")

        # 3. The region sees the decision: the panel reloaded from the server.
        region_tab.click("#team-proposals-toggle")
        open_panel(region_tab, region)
        seen = region.wait(f"""(() => {{ const li = document.querySelector('#proposal-list li[data-id="{proposal}"]');
            return li && li.dataset.status !== 'submitted' ? li.dataset.status : null; }})()""", "the decision in the region's panel")
        shown = item(region_tab, proposal)
        check(seen == "accepted" and any(args.comment in r and args.support_user in r for r in shown["reviews"]),
              f"region: sees #{proposal} {seen}, by {args.support_user}, with the comment")
        if second is not None:
            check(item(region_tab, second)["status"] == "submitted", f"region: #{second} is still submitted")
        report["regionSaw"] = seen
        region_tab.screenshot(f"{args.screenshots}-region-decision.png")

        for tab in (region_tab, support_tab):
            errors = tab.console_errors()
            check(errors == [], f"{tab.name}: no console errors {errors if errors else ''}")
            requests = [e["params"]["request"]["url"] for e in tab.events if e["method"] == "Network.requestWillBeSent"]
            others = [u for u in requests if not u.startswith(origin + "/")]
            check(requests and others == [], f"{tab.name}: {len(requests)} requests, all to {origin} {others if others else ''}")
        pathlib.Path(args.report).write_text(json.dumps(report, indent=2), encoding="utf-8")
    except Exception as error:  # a step that could not even be tried is a failure, with its reason
        check(False, f"{type(error).__name__}: {error}")
    finally:
        browser.close()
    return check.exit_code()


if __name__ == "__main__":
    sys.exit(main())
