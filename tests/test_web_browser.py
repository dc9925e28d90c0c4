"""The web UI in a real browser (Playwright driving Debian's chromium; no browser download): search → article
→ actor → events as a person sees them, and hostile pages viewed with no script running. Screenshots of
every page go to ``test-artifacts/``.

Set-up installs chromium with apt when it is missing and we are root; otherwise these tests are skipped."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download)")
pytest.importorskip("uvicorn")
from webdata import fill_store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PWNED = "() => window.__pwned === undefined && document.title !== 'PWNED'"


def ensure_chromium() -> str | None:
    """Path of Debian's chromium, installing it with apt when missing and possible; None otherwise."""
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        if subprocess.run(cmd, env=env, capture_output=True, timeout=900).returncode:
            return None
    return CHROMIUM if os.path.exists(CHROMIUM) else None


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real uvicorn server on a free loopback port over a store with sample and hostile records."""
    import uvicorn

    from warta.web import create_app

    db = str(tmp_path_factory.mktemp("browser") / "web.db")
    [hostile_page_id] = fill_store(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(db, allowed_hosts=["127.0.0.1"])
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    with sqlite3.connect(db) as conn:  # the events page lists every stored event (as many as the coder finds)
        event_count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    yield {"base": f"http://127.0.0.1:{port}", "hostile_page_id": hostile_page_id, "event_count": event_count}
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    path = ensure_chromium()
    if path is None:
        pytest.skip(f"no chromium at {CHROMIUM} and cannot install it (needs root and apt-get): "
                    "apt-get install chromium")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
    pg = context.new_page()
    pg.dialogs = []  # an alert() would mean script ran
    pg.console_errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def assert_no_script_ran(page) -> None:
    assert page.evaluate(PWNED), "page-derived script ran"
    assert not page.dialogs


def test_search_article_actor_events(server, page):
    base = server["base"]
    expect = playwright_api.expect
    page.goto(base + "/")
    page.fill("input[name=q]", "Anwar Ibrahim")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=Anwar*")
    expect(page.locator("#total")).to_have_text("2")
    expect(page.locator(".hit-title").first).to_be_visible()
    expect(page.locator(".snippet mark").first).to_have_text("Anwar")
    expect(page.locator(".facet", has_text="Site")).to_contain_text("bernama.com")
    shot(page, "1-search")

    page.select_option("select[name=sort]", "date")  # app.js re-submits on change
    page.wait_for_url("**sort=date*")
    expect(page.locator(".hit-title").first).to_have_text("Anwar Ibrahim receives Indonesian delegation in Kuala Lumpur")

    page.click("text=Jokowi dan Anwar Ibrahim sepakat perkuat kerja sama perbatasan")
    expect(page.locator("h1#title")).to_have_text("Jokowi dan Anwar Ibrahim sepakat perkuat kerja sama perbatasan")
    expect(page.locator("#text a.ent-PER", has_text="Joko Widodo").first).to_be_visible()
    expect(page.locator("#text .quote").first).to_contain_text("Kami sepakat")
    expect(page.locator("#text .ev-cooperative").first).to_be_visible()
    expect(page.locator("#events")).to_contain_text("CONSULT")
    expect(page.locator("a.source")).to_have_attribute("href", "https://kompas.com/read/2024/03/04/1")
    expect(page.locator("#boilerplate li").first).to_be_hidden()  # collapsed
    page.click("#boilerplate summary")
    expect(page.locator("#boilerplate li").first).to_have_text("Baca Juga: Harga beras naik")
    page.click("#legend .ent-PER")  # app.js: hide person highlights
    expect(page.locator("#text")).to_have_class("text hide-ent-PER")
    page.click("#legend .ent-PER")
    shot(page, "2-article")

    page.locator("#text a.ent-PER", has_text="Anwar Ibrahim").first.click()
    expect(page.locator("h1#actor-name")).to_have_text("Anwar Ibrahim")
    expect(page.locator("svg.chart rect.bar").first).to_be_visible()
    expect(page.locator("#actor-quotes")).to_contain_text("We stand with our neighbours")
    expect(page.locator("#as-actor")).to_contain_text("SUPPORT")
    expect(page.locator("#as-recipient")).to_contain_text("CONSULT")
    expect(page.locator("#co-occurring")).to_contain_text("Joko Widodo")
    shot(page, "3-actor")

    page.click("header nav >> text=Events")
    expect(page.locator("h1")).to_have_text("Events")
    assert server["event_count"] >= 10  # the sample records' events, from diplomacy to clashes
    expect(page.locator("#event-table tbody tr")).to_have_count(server["event_count"])
    expect(page.locator("svg.network path.edge.tone-conflictual").first).to_be_visible()
    expect(page.locator("svg.network path.edge.tone-cooperative").first).to_be_visible()
    expect(page.locator("svg.chart rect.bar-conflictual").first).to_be_visible()
    shot(page, "4-events")
    page.select_option("select[name=type]", "ASSAULT")
    page.click("form.filters button")
    expect(page.locator("#event-total")).to_have_text("1")
    expect(page.locator("#event-table")).to_contain_text("had attacked Kharkiv overnight")
    assert_no_script_ran(page)
    assert not [e for e in page.console_errors if "Content Security Policy" in e]


def test_hostile_record_runs_no_script(server, page):
    base = server["base"]
    page.goto(base + "/records/rec-hostile")
    title = page.locator("h1#title")
    playwright_api.expect(title).to_contain_text("<script>window.__pwned = 1")  # shown as text
    assert page.title().startswith("<script>")  # the <title> element holds the text, not markup
    assert page.locator("a.source").count() == 0  # javascript: url is not a link
    hrefs = page.eval_on_selector_all("[href], [src]", "els => els.map(e => e.getAttribute('href') || e.src)")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript", "data"))]
    page.click("#boilerplate summary")
    page.hover("#text")
    for link in page.locator("#text a").all():
        link.hover()
    shot(page, "5-hostile-record")
    assert_no_script_ran(page)


@pytest.mark.parametrize("path", ["/?q=Warga", "/?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E", "/events",
                                  "/actors/Jahat%3Cscript%3E", "/entities"])
def test_hostile_data_elsewhere_runs_no_script(server, page, path):
    page.goto(server["base"] + path)
    page.wait_for_load_state("load")
    assert_no_script_ran(page)


def test_hostile_html_page_through_the_pipeline(server, page):
    page.goto(server["base"] + "/records/" + server["hostile_page_id"])
    playwright_api.expect(page.locator("#text")).to_contain_text("<script>window.__pwned=26</script>")
    page.click("#boilerplate summary")
    shot(page, "6-hostile-html-page")
    assert_no_script_ran(page)


def test_csp_blocks_inline_script_even_if_injected(server, page):
    """Defence in depth: were markup ever to slip through, the CSP would still refuse inline script."""
    page.goto(server["base"] + "/")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__pwned = 99'; document.body.appendChild(s); }""")
    assert page.evaluate("() => window.__pwned === undefined")
