"""The mixed load of `make loadtest` (run by benchmarks.loadtest in locust's own environment;
it imports nothing from the project): 80% anonymous reads, 15% signed-in reads, 5% writes
(supports and comments by signed-in people, with the CSRF token), 1-2 s between a visitor's
requests. gunicorn sits behind no proxy here, so every request says X-Forwarded-Proto: https as
the proxy would, and the Secure cookies are sent over the loopback hop."""

import os
import random
import re

from locust import HttpUser, between, task

PROBLEMS = int(os.environ.get("LOADTEST_PROBLEMS", "400"))
PASSWORD = os.environ.get("LOADTEST_PASSWORD", "")
ACCOUNTS = int(os.environ.get("LOADTEST_ACCOUNTS", "60"))
LISTS = [
    "/problems/",
    "/problems/?sort=supported",
    "/problems/?status=open",
    "/problems/?category=traffic",
    "/problems/?q=횡단보도",
    "/problems/?page=3",
    "/problems/?sort=near&near=35.8242,127.148",
]
PAGES = ["/map/", "/api/geo/problems.geojson?zoom=12", "/open-data/", "/"]


class Visitor(HttpUser):
    abstract = True
    wait_time = between(1, 2)

    def on_start(self):
        self.client.headers.update({"X-Forwarded-Proto": "https", "User-Agent": "soslab-load"})

    def _insecure_cookies(self):
        for cookie in self.client.cookies:
            cookie.secure = False

    def get(self, path, name=None):
        self._insecure_cookies()
        return self.client.get(path, name=name or path.split("?")[0])

    def post(self, path, data, name, **headers):
        self._insecure_cookies()
        token = self.client.cookies.get("csrftoken", "")
        referer = f"https://{self.host.split('://', 1)[1]}{path}"
        return self.client.post(
            path,
            data={**data, "csrfmiddlewaretoken": token},
            headers={"Referer": referer, **headers},
            name=name,
            allow_redirects=False,
        )

    def problem(self):
        return random.randint(1, PROBLEMS)  # noqa: S311 - load, not security

    def read(self):
        if random.random() < 0.7:  # noqa: S311
            self.get(random.choice(LISTS), name="/problems/ (list)")  # noqa: S311
        elif random.random() < 0.6:  # noqa: S311
            self.get(f"/problems/{self.problem()}/", name="/problems/<id>/")
        else:
            self.get(random.choice(PAGES))  # noqa: S311


class SignedIn(Visitor):
    abstract = True

    def on_start(self):
        super().on_start()
        account = f"bench-user{random.randrange(ACCOUNTS)}@example.kr"  # noqa: S311
        self.get("/accounts/login/")
        response = self.post(
            "/accounts/login/", {"login": account, "password": PASSWORD}, name="sign in"
        )
        if response.status_code != 302:
            response.failure(f"sign-in answered {response.status_code}")


class Anonymous(Visitor):
    weight = 80

    @task
    def browse(self):
        self.read()


class SignedInReader(SignedIn):
    weight = 15

    @task
    def browse(self):
        self.read()


class Writer(SignedIn):
    weight = 5

    @task(3)
    def support(self):
        """Support (or withdraw from) an open problem: closed ones show no support form."""
        for _attempt in range(3):
            pk = self.problem()
            page = self.get(f"/problems/{pk}/", name="/problems/<id>/")
            form = re.search(r'name="action" value="(add|remove)"', page.text or "")
            if form:
                self.post(
                    f"/problems/{pk}/support/",
                    {"action": form.group(1)},
                    "/problems/<id>/support/",
                    Accept="application/json",
                )
                return

    @task(1)
    def comment(self):
        pk = self.problem()
        self.get(f"/problems/{pk}/", name="/problems/<id>/")
        self.post(
            "/comments/post/",
            {
                "target": "problems.problem",
                "object_id": str(pk),
                "body": "부하 시험 댓글입니다. 같은 문제를 겪고 있어요.",
            },
            "/comments/post/",
        )
