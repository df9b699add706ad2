#!/usr/bin/env python3
"""The browser part of `npm run bench`, on a machine with a GPU, Python and no Node.

Serves dist/ on loopback, drives a Chromium (headless shell) over the DevTools protocol
with aiohttp, and runs the same in-page scripts as bench/run.ts (read from
dist/bench/scripts.json, written by bench/gpu/prepare.ts): time to the first idle, panning
frame rate, every layer on, story transitions, each against the bare page and the peer; and
the scripted tour's longest main-thread task (layers, edition, each analysis's first run, the
export dialog), from the first idle and again once deck.gl's warm-up has ended. Like
bench/run.ts, every page is loaded in a fresh browser profile and the pages take turns within
each run.

First it finds a set of Chromium flags whose WebGL renderer is the GPU (not SwiftShader),
and it reports that renderer. Each run measures two modes: "uncapped" (frames not held to
the display rate: --disable-gpu-vsync --disable-frame-rate-limit, so the ratios compare the
work per frame) and "capped" (the display's 60 Hz, as a user sees it).

    CHROME=/path/to/chromium-headless-shell python3 bench/gpu/cdp_bench.py DIST OUT_DIR

Environment: BENCH_RUNS (default 5), BENCH_BUDGET_S (stop starting runs after this many
seconds; default 400), BENCH_FLAGS (a flag-set name to skip the probe), BENCH_MODES
(default "uncapped,capped"; the tour runs in the last), BENCH_TOUR (0: no tour),
BENCH_BISECT (instead: the app with each thematic layer alone, and what Chromium logged). A page whose mark does not come within 40 s is reported with
its state (marks, map, store, idle events) and left out of later runs.
"""

import asyncio
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import shutil
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import aiohttp

CHROME = os.environ["CHROME"]
DIST, OUT = sys.argv[1], sys.argv[2]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BUDGET_S = float(os.environ.get("BENCH_BUDGET_S", "400"))
PORT = 4174
ORIGIN = f"http://127.0.0.1:{PORT}"
with open(os.path.join(DIST, "bench", "scripts.json"), encoding="utf-8") as fh:
    SCRIPTS = json.load(fh)

COMMON = [
    "--headless",
    "--no-sandbox",
    "--ignore-gpu-blocklist",
    "--enable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
    "--window-size=1280,800",
]
UNCAPPED = ["--disable-gpu-vsync", "--disable-frame-rate-limit"]
FLAG_SETS = {
    "angle-gl-egl": ["--use-angle=gl-egl"],
    "angle-vulkan": ["--use-angle=vulkan", "--enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan", "--disable-vulkan-surface"],
    "swiftshader": ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
}
RENDERER_JS = """(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2';
  const e = gl.getExtension('WEBGL_debug_renderer_info');
  return e ? gl.getParameter(e.UNMASKED_VENDOR_WEBGL) + ' | ' + gl.getParameter(e.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
})()"""
# What the app's page shows when a benchmark mark does not come: its marks, map and store state,
# and how many idle/render events fire in two seconds.
DIAG_JS = """(async () => {
  const h = window.__ntcc; if (!h) return { noHandle: true, marks: performance.getEntriesByType('mark').map((e) => e.name) };
  const s = h.store.getState(); const m = h.map; let idle = 0, render = 0;
  const a = () => idle++, b = () => render++; m.on('idle', a); m.on('render', b); m.triggerRepaint();
  await new Promise((r) => setTimeout(r, 2000)); m.off('idle', a); m.off('render', b);
  return { marks: performance.getEntriesByType('mark').map((e) => e.name + ':' + Math.round(e.startTime)),
    loaded: m.loaded(), moving: m.isMoving(), tilesLoaded: m.areTilesLoaded(), styleLoaded: m.isStyleLoaded(),
    idleIn2s: idle, renderIn2s: render, mapReady: s.mapReady, data: s.data !== null, thematic: Object.keys(s.thematic),
    belt: s.belt ? s.belt.km : null, beltKm: s.beltKm, notice: s.notice };
})()"""
# Whether luma.gl can link deck.gl's programs without waiting for them (absent in SwiftShader).
PARALLEL_JS = """(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  return Boolean(gl && gl.getExtension('KHR_parallel_shader_compile'));
})()"""
RAF_JS = """new Promise((r) => { let n = 0; const t0 = performance.now();
  const f = () => { n++; if (performance.now() - t0 < 1000) requestAnimationFrame(f); else r(n / ((performance.now() - t0) / 1000)); };
  requestAnimationFrame(f); })"""


def serve() -> ThreadingHTTPServer:
    class Handler(SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as vite preview serves
        extensions_map = {
            **SimpleHTTPRequestHandler.extensions_map,
            ".js": "text/javascript",
            ".mjs": "text/javascript",
            ".json": "application/json",
            ".wasm": "application/wasm",
            ".pbf": "application/x-protobuf",
        }

        def log_message(self, *args):  # quiet
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", PORT), functools.partial(Handler, directory=DIST))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


class CDP:
    """One WebSocket to the browser; page commands go through a flattened session."""

    def __init__(self, ws):
        self.ws = ws
        self.next_id = 0
        self.pending: dict[int, asyncio.Future] = {}
        self.errors: list[str] = []
        self.console: list[str] = []
        self.reader = asyncio.create_task(self._read())

    async def _read(self):
        async for msg in self.ws:
            if msg.type != aiohttp.WSMsgType.TEXT:
                continue
            d = json.loads(msg.data)
            if "id" in d:
                fut = self.pending.pop(d["id"], None)
                if fut and not fut.done():
                    fut.set_result(d)
            elif d.get("method") == "Runtime.exceptionThrown":
                self.errors.append(json.dumps(d["params"]["exceptionDetails"])[:500])
            elif d.get("method") == "Runtime.consoleAPICalled":
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in d["params"].get("args", []))[:300]
                self.console.append(f"{d['params'].get('type')}: {text}")
                if d["params"].get("type") == "error":
                    self.errors.append(text)

    async def send(self, method, params=None, session=None, timeout=180.0):
        self.next_id += 1
        i = self.next_id
        msg = {"id": i, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        fut = asyncio.get_running_loop().create_future()
        self.pending[i] = fut
        await self.ws.send_str(json.dumps(msg))
        d = await asyncio.wait_for(fut, timeout)
        if "error" in d:
            raise RuntimeError(f"{method}: {d['error']}")
        return d["result"]

    async def eval(self, expr, session, timeout=180.0):
        r = await self.send("Runtime.evaluate", {"expression": expr, "awaitPromise": True, "returnByValue": True}, session, timeout)
        if "exceptionDetails" in r:
            raise RuntimeError(json.dumps(r["exceptionDetails"])[:800])
        return r["result"].get("value")


class Browser:
    def __init__(self, flags):
        self.profile = tempfile.mkdtemp(prefix="ntcc-gpu-")
        self.log: list[str] = []
        env = dict(os.environ)
        self.proc = subprocess.Popen(
            [CHROME, *COMMON, *flags, f"--user-data-dir={self.profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        url = None
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                break
            self.log.append(line)
            if "DevTools listening on" in line:
                url = line.split(" on ", 1)[1].strip()
                break
        if not url:
            self.proc.kill()
            raise RuntimeError("Chromium did not start:\n" + "".join(self.log[-40:]))
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = url

    def _drain(self):
        for line in self.proc.stderr:
            self.log.append(line)

    async def open(self):
        self.http = aiohttp.ClientSession()
        self.ws = await self.http.ws_connect(self.url, max_msg_size=0)
        self.cdp = CDP(self.ws)
        t = await self.cdp.send("Target.createTarget", {"url": "about:blank"})
        self.s = (await self.cdp.send("Target.attachToTarget", {"targetId": t["targetId"], "flatten": True}))["sessionId"]
        await self.cdp.send("Runtime.enable", {}, self.s)
        await self.cdp.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}, self.s)
        return self

    async def goto_and_wait(self, url, mark, timeout=120.0):
        await self.cdp.send("Page.navigate", {"url": url}, self.s)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if await self.cdp.eval(f"location.protocol === 'http:' && performance.getEntriesByName({json.dumps(mark)}).length > 0", self.s, 10):
                    return
            except Exception:  # the page is between documents
                pass
            if any("Uncaught" in e for e in self.cdp.errors):
                raise RuntimeError(f"{url}: page error before '{mark}': {self.cdp.errors[:2]}")
            await asyncio.sleep(0.05)
        raise RuntimeError(f"{url}: no '{mark}' within {timeout} s; page errors: {self.cdp.errors[-5:]}")

    async def close(self):
        try:
            await self.cdp.send("Browser.close", timeout=10)
        except Exception:
            pass
        await self.ws.close()
        await self.http.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


async def probe(name):
    b = await Browser(FLAG_SETS[name] + UNCAPPED).open()
    try:
        renderer = await b.cdp.eval(RENDERER_JS, b.s)
        raf = await b.cdp.eval(RAF_JS, b.s)
        parallel = await b.cdp.eval(PARALLEL_JS, b.s)
        info = await b.cdp.send("SystemInfo.getInfo")
        status = info.get("gpu", {}).get("featureStatus", {})
        return {"renderer": renderer, "raf_fps": raf, "parallel_shader_compile": parallel, "webgl2": status.get("webgl2"), "gpu_compositing": status.get("gpu_compositing")}
    finally:
        await b.close()
        tail = [ln for ln in b.log if "ERROR" in ln or "WARNING" in ln][-6:]
        if tail:
            print(f"  [{name}] chromium said: " + " / ".join(x.strip()[:200] for x in tail))


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


async def tour(flags, after_warm_up):
    """The app in a fresh browser: the scripted tour from its first idle (what the target judges),
    or once deck.gl's warm-up has ended (the map left still until then, as a user looking at it).
    Returns the longest task and every task over 50 ms with the step it started in."""
    b = await Browser(flags).open()
    try:
        page = SCRIPTS["pages"]["app"]
        await b.goto_and_wait(ORIGIN + page["path"], page["mark"], 60)
        out = {}
        if after_warm_up:
            deadline = time.time() + 60
            while (ended := await b.cdp.eval(f"({SCRIPTS['warmEnded']})()", b.s, 10)) is None:
                if time.time() > deadline:
                    raise RuntimeError("deck.gl's warm-up did not end within 60 s")
                await asyncio.sleep(0.25)
            out["warm_up_ended_ms_after_first_idle"] = ended
        r = await b.cdp.eval(f"({SCRIPTS['tasks']})()", b.s, 300)
        out["longest_ms"] = r["longest_ms"]
        out["tasks_over_50_ms"] = [t for t in r["tasks"] if t["ms"] > 50]
        if b.cdp.errors:
            out["page_errors"] = b.cdp.errors[:3]
        return out
    finally:
        await b.close()


async def bisect_layers(flags):
    """Loads the app with each thematic layer alone and reports which pages fail, with what
    Chromium logged (for a renderer where the every-layer page fails)."""
    ids = SCRIPTS["pages"]["all"]["path"].split("ly=", 1)[1].split(",")
    out = {}
    for lid in ["none", *ids]:
        b = await Browser(flags).open()
        res = {}
        try:
            await b.goto_and_wait(f"{ORIGIN}/#ly={'' if lid == 'none' else lid}", "layers-drawn", 25)
            res["drawn_ms"] = await b.cdp.eval("performance.getEntriesByName('layers-drawn')[0].startTime", b.s, 10)
            arg = json.dumps({"handle": "__ntcc", "panMs": 1500})
            res["pan_fps"] = await b.cdp.eval(f"({SCRIPTS['pan']})({arg})", b.s, 30)
        except Exception as e:  # noqa: BLE001 - what failed is the finding
            res["error"] = str(e)[:300]
        finally:
            await b.close()
        res["chromium"] = [ln.strip()[:300] for ln in b.log if "GenerateCaps" not in ln and any(w in ln for w in ("FATAL", "GPU", "gpu", "rash", "GL_", "lost"))][-8:]
        out[lid] = res
        print(f"layer {lid}: {json.dumps(res)}", flush=True)
    return out


async def main():
    t_start = time.time()
    srv = serve()
    os.makedirs(OUT, exist_ok=True)
    if os.environ.get("BENCH_BISECT"):
        flags = FLAG_SETS[os.environ.get("BENCH_FLAGS", "angle-gl-egl")]
        result = await bisect_layers(flags)
        with open(os.path.join(OUT, "bisect.json"), "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2)
        return 0
    chosen = os.environ.get("BENCH_FLAGS")
    probes = {}
    if not chosen:
        for name in FLAG_SETS:
            try:
                probes[name] = await probe(name)
            except Exception as e:  # noqa: BLE001 - a flag set that fails is reported and skipped
                probes[name] = {"error": str(e)[:600]}
            print(f"probe {name}: {json.dumps(probes[name])}", flush=True)
            r = probes[name].get("renderer") or ""
            if name != "swiftshader" and r and "SwiftShader" not in r and "llvmpipe" not in r and "no WebGL2" not in r:
                chosen = name
                break
    elif chosen not in probes:
        probes[chosen] = await probe(chosen)
        print(f"probe {chosen}: {json.dumps(probes[chosen])}", flush=True)
    if not chosen:
        print("no flag set gave a GPU renderer; nothing measured", flush=True)
        with open(os.path.join(OUT, "gpu-bench.json"), "w", encoding="utf-8") as fh:
            json.dump({"probes": probes}, fh, indent=2)
        return 3
    modes = os.environ.get("BENCH_MODES", "uncapped,capped").split(",")
    # The reference pages draw their map at the app's map size and camera (bench/page-params.ts), measured here.
    pages = {k: dict(v) for k, v in SCRIPTS["pages"].items()}
    b = await Browser(FLAG_SETS[chosen]).open()
    try:
        await b.goto_and_wait(ORIGIN + pages["app"]["path"], pages["app"]["mark"], 40)
        frame = await b.cdp.eval(f"({SCRIPTS['mapFrame']})()", b.s, 20)
    finally:
        await b.close()
    map_w, map_h = frame["size"]
    at = ",".join(f"{v:.5f}" for v in frame["at"])
    for key in ("bare", "peer", "peerAll"):
        path = pages[key]["path"]
        pages[key]["path"] = f"{path}{'&' if '?' in path else '?'}w={map_w}&h={map_h}&at={at}"
    print(f"the app's map: {map_w}x{map_h} at {at}; the reference pages draw theirs at that size and camera", flush=True)
    keys = [f"{m}:{p}" for m in modes for p in pages]
    loads = {k: [] for k in keys}
    fps = {k: [] for k in keys}
    marks = {k: [] for k in keys}
    story = {m: {"fps": [], "latencyMs": [], "panFps": []} for m in modes}
    # The tour in the last mode (the display's rate by default: what a user meets).
    tour_mode = modes[-1]
    tours = {"at_once": [], "after_warm_up": []}
    failed: dict[str, dict] = {}
    result = {"flags": chosen, "probes": probes, "viewport": "1280x800", "map_size": f"{map_w}x{map_h}", "modes": modes}
    for i in range(RUNS):
        if i > 0 and time.time() - t_start > BUDGET_S:
            print(f"time budget reached after {i} runs", flush=True)
            break
        for mode in modes:
            flags = FLAG_SETS[chosen] + (UNCAPPED if mode == "uncapped" else [])
            for which, page in pages.items():
                key = f"{mode}:{which}"
                if key in failed:
                    continue
                b = await Browser(flags).open()
                try:
                    try:
                        await b.goto_and_wait(ORIGIN + page["path"], page["mark"], 40)
                    except RuntimeError as e:
                        diag = await b.cdp.eval(DIAG_JS, b.s, 20)
                        failed[key] = {"error": str(e)[:300], "diagnostics": diag, "console": b.cdp.console[-25:]}
                        print(f"run {i + 1} {key}: FAILED {json.dumps(failed[key])[:3000]}", flush=True)
                        continue
                    ms = await b.cdp.eval("performance.getEntriesByName('map-first-idle')[0]?.startTime ?? null", b.s)
                    mk = await b.cdp.eval(f"performance.getEntriesByName('{page['mark']}')[0]?.startTime ?? null", b.s)
                    loads[key].append(ms)
                    if i == 0 and mode == modes[-1]:  # one look at each page, as drawn on this renderer
                        shot = await b.cdp.send("Page.captureScreenshot", {"format": "png"}, b.s)
                        with open(os.path.join(OUT, f"{which}.png"), "wb") as fh:
                            fh.write(__import__("base64").b64decode(shot["data"]))
                    marks[key].append(mk)
                    arg = json.dumps({"handle": page["handle"], "panMs": SCRIPTS["panMs"]})
                    f = await b.cdp.eval(f"({SCRIPTS['pan']})({arg})", b.s, 90)
                    fps[key].append(f)
                    extra = ""
                    if which == "app":
                        st = await b.cdp.eval(f"({SCRIPTS['story']})()", b.s, 90)
                        story[mode]["fps"].append(st["fps"])
                        story[mode]["latencyMs"].append(st["latencyMs"])
                        story[mode]["panFps"].append(st["panFps"])
                        extra = f", story {st['fps']:.1f} fps, key->movestart {st['latencyMs']:.1f} ms"
                    if b.cdp.errors:
                        extra += f", page errors: {b.cdp.errors[:3]}"
                    print(f"run {i + 1} {key}: first idle {ms:.0f} ms, {page['mark']} {mk:.0f} ms, pan {f:.1f} fps{extra}", flush=True)
                except Exception as e:  # noqa: BLE001 - reported, and the page is skipped from now on
                    failed[key] = {"error": str(e)[:500], "console": b.cdp.console[-25:]}
                    print(f"run {i + 1} {key}: FAILED {json.dumps(failed[key])[:3000]}", flush=True)
                finally:
                    await b.close()
            if mode == tour_mode and os.environ.get("BENCH_TOUR", "1") != "0":
                for kind in tours:
                    try:
                        t = await tour(flags, kind == "after_warm_up")
                    except Exception as e:  # noqa: BLE001 - reported; the other numbers stand
                        t = {"error": str(e)[:300]}
                    tours[kind].append(t)
                    print(f"run {i + 1} {mode} tour {kind}: {json.dumps(t)[:1500]}", flush=True)

        def ratio(a, b):
            return a / b if a is not None and b else None

        summary = {"runs_done": i + 1, "failed": failed}
        for mode in modes:
            k = lambda p: f"{mode}:{p}"  # noqa: E731
            summary[mode] = {
                "load": {"bare_ms": median(loads.get(k("bare"), [])), "app_ms": median(loads.get(k("app"), [])), "ratio": ratio(median(loads.get(k("app"), [])), median(loads.get(k("bare"), [])))},
                "app_deck_first_draw_ms": median(marks.get(k("app"), [])),
                "pan": {"bare_fps": median(fps.get(k("bare"), [])), "app_fps": median(fps.get(k("app"), [])), "ratio": ratio(median(fps.get(k("app"), [])), median(fps.get(k("bare"), [])))},
                "allLayers": {
                    "load_ms": median(loads.get(k("all"), [])),
                    "load_ratio": ratio(median(loads.get(k("all"), [])), median(loads.get(k("bare"), []))),
                    "layers_drawn_ms": median(marks.get(k("all"), [])),
                    "fps": median(fps.get(k("all"), [])),
                    "pan_ratio": ratio(median(fps.get(k("all"), [])), median(fps.get(k("bare"), []))),
                },
                # The targets of `npm run bench` (bench/run.ts) on this renderer: load against the peer
                # ≤ 1, default and every layer; panning frame rate against the peer (here fps, not CPU).
                "versus_peer": {
                    "load_default": ratio(median(loads.get(k("app"), [])), median(loads.get(k("peer"), []))),
                    "load_all": ratio(median(loads.get(k("all"), [])), median(loads.get(k("peerAll"), []))),
                    "pan_default_fps": ratio(median(fps.get(k("app"), [])), median(fps.get(k("peer"), []))),
                    "pan_all_fps": ratio(median(fps.get(k("all"), [])), median(fps.get(k("peerAll"), []))),
                },
                "presentation": {
                    "transition_fps": median(story[mode]["fps"]),
                    # against panning in presentation: the map fills the window in both
                    "presenting_pan_fps": median(story[mode]["panFps"]),
                    "ratio": ratio(median(story[mode]["fps"]), median(story[mode]["panFps"])),
                    "key_to_movestart_ms": median(story[mode]["latencyMs"]),
                },
            }
        longest = lambda kind: [t["longest_ms"] for t in tours[kind] if "longest_ms" in t]  # noqa: E731
        summary["tour"] = {
            "mode": tour_mode,
            "longest_task_ms": {kind: {"median": median(longest(kind)), "max": max(longest(kind), default=None)} for kind in tours},
        }
        summary["samples"] = {"loads": loads, "fps": fps, "marks": marks, "story": story, "tours": tours}
        result.update(summary)
        with open(os.path.join(OUT, "gpu-bench.json"), "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2)
    r = result
    print(json.dumps({k: r.get(k) for k in ("flags", "runs_done", *r.get("modes", []), "tour")}, indent=2), flush=True)
    srv.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
