"""A small driver for headless Chromium over the DevTools protocol: sign in as a demo account,
open pages at a phone or desktop width, take screenshots, and measure what a page costs on a
throttled link (bytes transferred, first contentful paint). Used by scripts/screenshots and
Benchmarks/run-pages. Needs Debian's `chromium` and PyPI's `websocket-client`."""
import base64, json, os, shutil, subprocess, tempfile, time, urllib.parse, urllib.request

import websocket


class Browser:
    def __init__(self, port=9333):
        self.profile = tempfile.mkdtemp(prefix="danvan-chromium-")
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
             f"--user-data-dir={self.profile}", "--no-first-run", "--disable-extensions", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.1)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], max_size=None)
        self.next_id = 0
        self.events = []
        for domain in ("Page", "Network", "Runtime"):
            self.call(f"{domain}.enable")

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def viewport(self, width, height=844, mobile=True):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)

    def throttle(self, kbit=400, latency_ms=400):
        bytes_per_second = kbit * 1000 / 8
        self.call("Network.emulateNetworkConditions", offline=False, latency=latency_ms,
                  downloadThroughput=bytes_per_second, uploadThroughput=bytes_per_second)

    def clear_cache(self):
        self.call("Network.clearBrowserCache")

    def open(self, url, timeout=60):
        self.events = []
        self.call("Page.navigate", url=url)
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = json.loads(self.ws.recv())
            self.events.append(message)
            if message.get("method") == "Page.loadEventFired":
                break
        time.sleep(0.2)
        return self.evaluate("document.location.href")

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True).get("result", {}).get("value")

    def transferred(self):
        """Bytes received over the wire for the last page and what it loaded."""
        return sum(e["params"].get("encodedDataLength", 0) for e in self.events if e.get("method") == "Network.loadingFinished")

    def first_contentful_paint_ms(self):
        return self.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")

    def screenshot(self, path, full_page=True):
        metrics = self.call("Page.getLayoutMetrics")
        size = metrics["cssContentSize"] if full_page else metrics["cssVisualViewport"]
        clip = {"x": 0, "y": 0, "width": size.get("width", size.get("clientWidth")), "height": min(size.get("height", 900), 6000), "scale": 1}
        data = self.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def sign_in(self, base, username, password):
        self.open(base + "/login")
        self.evaluate(f"""(() => {{ document.querySelector('input[name=username]').value = {json.dumps(username)};
            document.querySelector('input[name=password]').value = {json.dumps(password)};
            document.querySelector('form').submit(); }})()""")
        deadline = time.time() + 20
        while time.time() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("method") == "Page.loadEventFired":
                break
        time.sleep(0.2)

    def sign_out(self):
        self.call("Network.clearBrowserCookies")

    def close(self):
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            self.process.wait(timeout=10)
            shutil.rmtree(self.profile, ignore_errors=True)
