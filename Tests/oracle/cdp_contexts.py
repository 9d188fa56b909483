"""One headless Chromium with several browser contexts, spoken to over one DevTools connection: each tab in a
context of its own (`Target.createBrowserContext`), with its own cookie jar and storage, as two people on two
computers. A tab has check_map's Browser methods (evaluate, click, screenshot, …) for its page.

Needs `websocket-client` (Tests/oracle/requirements.txt) and Debian's `chromium`.
"""
import json
import pathlib
import sys
import time
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_map import Browser, websocket  # noqa: E402


class Chromium(Browser):
    """The browser itself (its browser-level DevTools target); `tab()` opens a page in a new context."""

    def __init__(self, binary, width, height, resolver_rules="MAP * ~NOTFOUND"):
        self.width, self.height = width, height
        port = self.launch(binary, width, height, resolver_rules)
        version = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=10))
        self.ws = websocket.create_connection(version["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events = []
        self.tabs = {}

    def command(self, method, params, session=None):
        """Sends one DevTools command (to a tab's session, or to the browser) and returns its result; events
        that arrive meanwhile go to the events of the tab they belong to."""
        self.next_id += 1
        ident = self.next_id
        message = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.ws.settimeout(60)
        self.ws.send(json.dumps(message))
        while True:
            answer = json.loads(self.ws.recv())
            if answer.get("id") == ident:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.dispatch(answer)

    def dispatch(self, message):
        if "method" in message:
            tab = self.tabs.get(message.get("sessionId"))
            (tab.events if tab else self.events).append(message)

    def pump(self, seconds):
        """Reads one message (an event) within `seconds`; False when none came."""
        self.ws.settimeout(max(0.05, seconds))
        try:
            self.dispatch(json.loads(self.ws.recv()))
            return True
        except websocket.WebSocketTimeoutException:
            return False

    def send(self, method, **params):
        return self.command(method, params)

    def tab(self, name):
        """A new page in a new browser context (a cookie jar of its own)."""
        context = self.send("Target.createBrowserContext", disposeOnDetach=True)["browserContextId"]
        target = self.send("Target.createTarget", url="about:blank", browserContextId=context,
                           width=self.width, height=self.height)["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        tab = Tab(self, name, session, context)
        self.tabs[session] = tab
        for domain in ("Page", "Runtime", "Log", "Network"):
            tab.send(f"{domain}.enable")
        tab.send("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height, deviceScaleFactor=1,
                 mobile=False)
        return tab


class Tab(Browser):
    """One page of a context of its own (check_map's Browser methods work on it)."""

    def __init__(self, browser, name, session, context):
        self.browser, self.name, self.session, self.context = browser, name, session, context
        self.events = []

    def send(self, method, **params):
        return self.browser.command(method, params, self.session)

    def wait_for(self, method, timeout=30):
        """The first event `method` not yet waited for, within `timeout` seconds (the events before it are kept)."""
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method:
                    return self.events.pop(index)
            if time.time() > deadline:
                raise RuntimeError(f"{self.name}: timed out waiting for {method}")
            self.browser.pump(deadline - time.time())

    def navigate(self, url):
        """Loads `url` and waits for its load event."""
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def cookies(self):
        """The cookies of this tab's context (Storage.getCookies of the browser, for its context)."""
        return self.browser.send("Storage.getCookies", browserContextId=self.context)["cookies"]

    def console_errors(self):
        self.browser.pump(0.1)
        return super().console_errors()

    def close(self):
        pass
