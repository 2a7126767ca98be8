"""`make screenshots`: PNGs of the home page, the report form, the statistics page and a
results-sharing event, each on a phone (390x844) and a desktop (1280x900), from the demo content,
into docs/screenshots/ (the README shows two of them).

It serves the site itself on a free local port (with static files), drives the machine's headless
Chromium through Playwright (a development dependency), blocks every request that is not local
(map tiles cannot load here, so the pictures show what a visitor without tiles sees), signs the
demo citizen in for the report form, and re-encodes each PNG with a 256-colour palette so each
stays well under a few hundred KB."""

import io
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand, CommandError
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.test import Client
from PIL import Image

# name, path, signed in?, element scrolled to the top (the event's venue map needs tiles, so
# its picture starts at the live-vote result, awards and projects).
PAGES = [
    ("home", "/", False, None),
    ("report-form", "/problems/new/", True, None),
    ("statistics", "/statistics/", False, None),
    ("event", "/results/2026-spring-results/", False, "#outcome-title"),
]
# What a resident has typed into the report form when the picture is taken (no personal data).
REPORT_FORM_TYPED = {
    "#id_title": "객사길 쓰레기통이 주말마다 넘쳐요",
    "#id_description": "토요일 오후가 되면 객사길 입구 쓰레기통이 가득 차서 봉투가 길에 쌓입니다.",
}
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
CITIZEN = "citizen@soslab.local"
FLAGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars"]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def serve():
    """The site on 127.0.0.1 and a free port, in a daemon thread. Returns (server, base URL)."""
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def session_cookie(base):
    """A signed-in session for the demo citizen (the report form asks for one)."""
    user = get_user_model().objects.filter(email=CITIZEN).first()
    if user is None:
        raise CommandError(f"{CITIZEN} is missing: run `make demo` first.")
    client = Client()
    client.force_login(user, backend="soslab.accounts.request_user.ModelBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": base}


def optimise(png):
    """The screenshot as a palette PNG: the same picture at a fraction of the bytes."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    small.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def local_only(route):
    if urlparse(route.request.url).hostname in {"127.0.0.1", "localhost"}:
        return route.continue_()
    return route.abort()


class Command(BaseCommand):
    help = (
        "Take the README screenshots (docs/screenshots/) of the demo site with headless Chromium."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(Path(settings.BASE_DIR) / "docs" / "screenshots"))

    def handle(self, *args, out, **options):
        executable = shutil.which("chromium") or shutil.which("chromium-browser")
        if not executable:
            raise CommandError("Chromium is not installed (Debian: apt-get install chromium).")
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop, our ORM
        from playwright.sync_api import sync_playwright

        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        server, base = serve()
        cookie = session_cookie(base)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
                for device, (width, height) in VIEWPORTS.items():
                    self.shoot(browser, device, width, height, base, cookie, out)
                browser.close()
        finally:
            server.shutdown()

    def shoot(self, browser, device, width, height, base, cookie, out):
        for name, path, signed_in, anchor in PAGES:
            context = browser.new_context(
                viewport={"width": width, "height": height},
                locale="ko-KR",
                is_mobile=device == "phone",
                has_touch=device == "phone",
                reduced_motion="reduce",
            )
            context.route("**/*", local_only)
            if signed_in:
                context.add_cookies([cookie])
            page = context.new_page()
            page.goto(base + path, wait_until="networkidle")
            if name == "report-form":
                for selector, text in REPORT_FORM_TYPED.items():
                    page.fill(selector, text)
                page.check("#id_category_3")
            if anchor:
                page.evaluate(f"document.querySelector('{anchor}').scrollIntoView()")
            target = out / f"{name}-{device}.png"
            target.write_bytes(optimise(page.screenshot(full_page=False)))
            self.stdout.write(f"· {target} {target.stat().st_size // 1024} KB")
            context.close()
