"""The planning page of `regio serve` as a person works it, over the DevTools protocol: waiting for the page,
reading the figures its side list shows, finding a school whose dot can be clicked, and moving it with real
clicks. Used by check_serve.py (local mode) and check_team_browser.py (team mode); `browser` is check_map's
Browser or a cdp_contexts Tab.
"""
import json
import time


class ServePage:
    def __init__(self, browser):
        self.browser = browser

    def js(self, expression):
        return self.browser.evaluate(expression)

    def wait(self, expression, what, timeout=30):
        """The first truthy value of `expression`, polled; a RuntimeError naming `what` after `timeout` s."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                value = self.js(expression)
            except RuntimeError:  # the page is being replaced (a navigation): ask the next one
                value = None
            if value:
                return value
            time.sleep(0.05)
        raise RuntimeError(f"timed out waiting for {what} ({expression})")

    def revision(self):
        return self.js("Number(document.body.dataset.revision || -1)")

    def after_change(self, previous, what):
        """Waits until the page shows a state newer than revision `previous` and is no longer busy."""
        self.wait(f"Number(document.body.dataset.revision || -1) !== {previous} && !document.body.classList.contains('busy')", what)

    def figures(self, region):
        """The figures the side list shows for `region` (its data attributes and the texts shown), or None."""
        return self.js(f"""(() => {{ const li = document.querySelector('#region-list li[data-region="{region}"]');
            if (!li) return null; const d = li.dataset, t = s => li.querySelector(s)?.textContent ?? '';
            return {{schools: +d.schools, counted: +d.counted, technical: +d.technical,
                     share: d.share === '' ? null : +d.share, budget: d.budget === '' ? null : +d.budget, techniekarm: d.techniekarm === 'true',
                     text: {{schools: t('.fig-schools'), technical: t('.fig-technical'), counted: t('.fig-counted'),
                             share: t('.fig-share'), budget: t('.fig-budget')}}}}; }})()""")

    def all_figures(self):
        return self.js("""Object.fromEntries(Array.from(document.querySelectorAll('#region-list li[data-region]')).map(li => {
            const d = li.dataset; return [d.region, {schools: +d.schools, counted: +d.counted, technical: +d.technical,
            share: d.share === '' ? null : +d.share, budget: d.budget === '' ? null : +d.budget, techniekarm: d.techniekarm === 'true'}]; }))""")

    def same_as_api(self, state):
        """Whether the side list shows the figures of `state` (GET /api/state) for every region."""
        expected = {r["figures"]["id"]: {"schools": len(r["figures"]["schools"]), "counted": r["figures"]["countedStudents"],
                                         "technical": r["figures"]["technicalStudents"], "share": r["figures"].get("technicalShare"),
                                         "budget": r["figures"].get("budgetEUR"), "techniekarm": r["figures"]["techniekarm"]}
                    for r in state["regions"]}
        return self.all_figures() == expected

    def clickable_school(self, state, regions=None):
        """A school to move: technical, in exactly one region of two or more schools (one of `regions`, when
        given), its dot not hidden under another. The target is the region of its nearest school in another
        region. Returns (school, source region, target region, (x, y) of its dot), or None."""
        m = state["map"]
        sizes = {r["figures"]["id"]: len(r["figures"]["schools"]) for r in state["regions"]}
        for s in m["schools"]:
            if len(s["regions"]) != 1 or not s["technical"] or sizes[s["regions"][0]] < 2:
                continue
            if regions is not None and s["regions"][0] not in regions:
                continue
            hit = self.js(f"""(() => {{ const c = document.querySelector('circle.school[data-school="{s['code']}"]');
                const r = c.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
                return document.elementFromPoint(x, y) === c ? [x, y] : null; }})()""")
            if not hit:
                continue
            others = [o for o in m["schools"] if len(o["regions"]) == 1 and o["regions"][0] != s["regions"][0]]
            if not others:
                continue
            nearest = min(others, key=lambda o: (o["x"] - s["x"]) ** 2 + (o["y"] - s["y"]) ** 2)
            return s, s["regions"][0], nearest["regions"][0], hit
        return None

    def open_school(self, point):
        """Clicks the dot at `point` (a real mouse click); returns the school code its panel shows."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            extra = {} if kind == "mouseMoved" else {"button": "left", "clickCount": 1}
            self.browser.send("Input.dispatchMouseEvent", type=kind, x=point[0], y=point[1], **extra)
        return self.wait("!document.getElementById('school-panel').hidden && document.getElementById('school-panel').dataset.school",
                         "the school panel")

    def choose_target(self, target):
        """Chooses `target` in the open school panel's region list; returns the value chosen."""
        return self.js(f"""(() => {{ const s = document.getElementById('move-to'); s.value = {json.dumps(target)};
            s.dispatchEvent(new Event('change', {{bubbles: true}})); return s.value; }})()""")

    def press_move(self):
        """Presses Move in the school panel and waits for the new state."""
        previous = self.revision()
        self.browser.click("#move-button")
        self.after_change(previous, "the move")
