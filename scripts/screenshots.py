#!/usr/bin/env python3
"""Screenshots of the pages readers open, from headless Chromium, into docs/:

    scripts/screenshots.py [BASE_URL]    (default http://127.0.0.1:3000, e.g. from
                                          `cargo run -- serve --seed-demo`)

Each shot is a whole page at a reader's width: the chart page at desktop and phone width, and
the pages a journalist opens on a phone in Russian at 390 px (issue 19). Chromium is driven
through chromedriver (Debian's `chromium` and `chromium-driver`), which measures each page, so
a shot is exactly as tall as its page. The flags keep Chromium from reaching out to the network.
Python's standard library only.
"""

import base64
import json
import pathlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"

# (address, width in CSS pixels, file in docs/)
SHOTS = [
    ("/charts", 1280, "charts-desktop.png"),
    ("/charts", 360, "charts-phone.png"),
    ("/ru/", 390, "phone-ru-home.png"),
    ("/ru/waves", 390, "phone-ru-waves.png"),
    ("/ru/prisoners/andrey-kuznechyk", 390, "phone-ru-person.png"),
    ("/ru/charts", 390, "phone-ru-charts.png"),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        prefix = f"/session/{self.session}" if self.session else ""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + prefix + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["value"]

    def start(self, profile):
        args = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", f"--user-data-dir={profile}",
        ]
        capabilities = {"alwaysMatch": {"goog:chromeOptions": {"binary": CHROMIUM, "args": args}}}
        self.session = self.call("POST", "/session", {"capabilities": capabilities})["sessionId"]

    def shoot(self, url, width, path):
        self.call("POST", "/window/rect", {"width": width, "height": 800})
        self.call("POST", "/url", {"url": url})
        height = self.call("POST", "/execute/sync", {
            "script": "return Math.ceil(document.documentElement.getBoundingClientRect().height)",
            "args": [],
        })
        # The window is taller than the page it shows by the browser's own frame.
        self.call("POST", "/window/rect", {"width": width, "height": height})
        frame = height - self.call("POST", "/execute/sync", {"script": "return window.innerHeight", "args": []})
        if frame > 0:
            self.call("POST", "/window/rect", {"width": width, "height": height + frame})
        path.write_bytes(base64.b64decode(self.call("GET", "/screenshot")))
        return height


def main():
    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:3000"
    out = pathlib.Path(__file__).resolve().parent.parent / "docs"
    out.mkdir(exist_ok=True)
    port = free_port()
    driver_process = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
    driver = Driver(port)
    try:
        for _ in range(100):
            try:
                if driver.call("GET", "/status").get("ready"):
                    break
            except OSError:
                pass
            time.sleep(0.1)
        with tempfile.TemporaryDirectory() as profile:
            driver.start(profile)
            try:
                for address, width, name in SHOTS:
                    height = driver.shoot(base + address, width, out / name)
                    print(f"wrote docs/{name} ({width}×{height}) of {address}")
            finally:
                driver.call("DELETE", "")
    finally:
        driver_process.terminate()
        driver_process.wait()


if __name__ == "__main__":
    main()
