#!/usr/bin/env python3
"""Generates the access-log sample data of Colony and the expected `access-stats` outputs.

    python3 sample-data/tools/make_access_logs.py

writes, relative to sample-data/:

    logs/access/dt=2026-11-24/access.log       Apache combined, server clock +0100
    logs/access/dt=2026-11-24/_SUCCESS
    logs/access/dt=2026-11-25/access.log.gz    nginx combined, server clock +0000, gzip (mtime 0)
    logs/access/dt=2026-11-25/_SUCCESS
    expected/access-stats/dt=YYYY-MM-DD/{hourly,urls,clients,top}.tsv and counts.json

Python 3.11+, standard library only. Deterministic: fixed seeds, no clock, no set iteration;
running it twice gives byte-identical files.

The expected outputs are computed from the generator's ground truth: for every good line the
fields the generator chose (time and offset, status, bytes, path, the referrer and agent as the
server escapes them, and the effective client it designated), never by parsing the log text back.
Every malformed line is known to the generator and counts as rejected.
"""

from __future__ import annotations

import gzip
import hashlib
import ipaddress
import json
import os
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

SAMPLE_DATA = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = "https://shop.example.com"
TOP_N = 100
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # not locale-dependent
# Visitors are in Germany: their local time is UTC+1 in November, whatever the server clock.
VISITOR_UTC_OFFSET_H = 1
# Relative traffic per visitor-local hour 00..23: quiet nights, midday and evening peaks.
DIURNAL = [0.9, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2.0, 2.6, 3.0, 3.3,
           3.7, 3.5, 3.1, 2.9, 3.0, 3.3, 3.9, 4.5, 4.7, 4.1, 3.0, 1.7]


# --------------------------------------------------------------------------------------------
# The shop's URL space
# --------------------------------------------------------------------------------------------

CATEGORIES = ["shoes", "jackets", "bags", "hats", "scarves", "gloves", "socks", "sale",
              "new-arrivals", "accessories", "kids", "outdoor"]
EXTRA_PAGES = ["/cart", "/account", "/about", "/contact", "/shipping", "/returns", "/privacy",
               "/imprint"]
SEARCH_TERMS = ["boots", "winter jacket", "wool scarf", "gloves", "rain jacket", "backpack",
                "beanie", "sneakers", "gift card", "socks", "leather bag", "parka", "kids boots",
                "hiking", "sale"]
PROBES = [  # (method, target, status) as vulnerability scanners send them
    ("GET", "/wp-login.php", 404), ("GET", "/.env", 404), ("GET", "/.git/config", 403),
    ("POST", "/xmlrpc.php", 404), ("GET", "/wp-admin/setup-config.php", 404),
    ("GET", "/phpmyadmin/index.php", 404), ("GET", "/admin/.env", 404),
    ("GET", "/config.json", 404), ("GET", "/server-status", 403),
    ("GET", "/.aws/credentials", 404),
    ("POST", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", 404),
    ("GET", "/cgi-bin/luci/;stok=/locale?form=country&operation=write&country=$(id)", 404),
    ("GET", "/index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array"
            "&vars[0]=md5&vars[1][]=HelloThinkPHP21", 404),
    ("GET", "/?XDEBUG_SESSION_START=phpstorm", 200),
    ("GET", "/wp-content/plugins/hello.php", 404), ("GET", "/.DS_Store", 404),
    ("GET", "/backup.zip", 404),
]


# Products taken off the shop: search engines and old links still ask for them (404).
DELETED_PRODUCTS = [903, 917, 938, 952, 966, 981]


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:n]


APP_JS_OLD = f"/static/app.{short_hash('app-2026.11.17')}.js"
APP_JS_NEW = f"/static/app.{short_hash('app-2026.11.25')}.js"
VENDOR_JS = f"/static/vendor.{short_hash('vendor-2026.10')}.js"
STYLE_CSS = "/static/style.css"
FONT = "/static/fonts/inter-var.woff2"


class Catalog:
    """Products, categories and the fixed sizes of static files. Same for both days."""

    def __init__(self, rng: random.Random):
        self.products = sorted(rng.sample(range(100, 900), 55))
        rng.shuffle(self.products)  # popularity order: the first is the most popular
        self.product_category = {p: CATEGORIES[rng.randrange(len(CATEGORIES))]
                                 for p in self.products}
        self.categories = list(CATEGORIES)
        rng.shuffle(self.categories)
        self.image_size = {p: rng.randrange(18_000, 190_000) for p in self.products}
        self.page_size = {}
        self.static_size = {APP_JS_OLD: 148_213, APP_JS_NEW: 151_877, VENDOR_JS: 402_554,
                            STYLE_CSS: 38_417, FONT: 71_920, "/favicon.ico": 15_086,
                            "/robots.txt": 312, "/sitemap.xml": 18_733}
        self.product_weights = zipf(len(self.products), 1.05)
        self.category_weights = zipf(len(self.categories), 0.9)

    def product(self, rng):
        return rng.choices(self.products, self.product_weights)[0]

    def category(self, rng):
        return rng.choices(self.categories, self.category_weights)[0]

    def products_of(self, category):
        return [p for p in self.products if self.product_category[p] == category]

    def html_size(self, rng, path):
        base = self.page_size.setdefault(path, 9_000 + int(short_hash(path, 4), 16) % 30_000)
        return base + rng.randrange(-400, 400)


def zipf(n, s):
    return [1.0 / (k ** s) for k in range(1, n + 1)]


# --------------------------------------------------------------------------------------------
# Visitors
# --------------------------------------------------------------------------------------------

UA_CHROME_WIN = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/143.0.0.0 Safari/537.36")
UA_CHROME_MAC = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
                 "Gecko) Chrome/143.0.0.0 Safari/537.36")
UA_CHROME_ANDROID = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                     "Chrome/143.0.0.0 Mobile Safari/537.36")
UA_FIREFOX_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:146.0) Gecko/20100101 Firefox/146.0"
UA_FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0"
UA_FIREFOX_ANDROID = "Mozilla/5.0 (Android 15; Mobile; rv:146.0) Gecko/146.0 Firefox/146.0"
UA_SAFARI_MAC = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
                 "like Gecko) Version/26.1 Safari/605.1.15")
UA_SAFARI_IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
                    "(KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1")
UA_SAFARI_IPAD = ("Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                  "Gecko) Version/26.1 Mobile/15E148 Safari/604.1")
UA_EDGE = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/143.0.0.0 Safari/537.36 Edg/143.0.0.0")
UA_SAMSUNG = ("Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like "
              "Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36")
UA_CHROME_OLD = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/139.0.0.0 Safari/537.36")
BROWSERS = [  # (agent, weight, mobile)
    (UA_CHROME_WIN, 22, False), (UA_CHROME_ANDROID, 16, True), (UA_SAFARI_IPHONE, 18, True),
    (UA_CHROME_MAC, 7, False), (UA_SAFARI_MAC, 6, False), (UA_FIREFOX_WIN, 6, False),
    (UA_EDGE, 8, False), (UA_SAMSUNG, 5, True), (UA_FIREFOX_LINUX, 2, False),
    (UA_FIREFOX_ANDROID, 2, True), (UA_SAFARI_IPAD, 3, True), (UA_CHROME_OLD, 2, False),
]
UA_GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
UA_GOOGLEBOT_MOBILE = ("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
                       "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.7499.40 Mobile "
                       "Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
UA_BINGBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"
UA_CRAWLER = "Mozilla/5.0 (compatible; ExampleCrawler/2.1; +http://crawler.example.net/bot.html)"
UA_UPTIME = "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"
UA_HEALTH = "ELB-HealthChecker/2.0"
UA_APACHE_DUMMY = "Apache/2.4.62 (Debian) (internal dummy connection)"
# The raw header; each server escapes the quotes its own way when it logs it.
UA_QUOTED = 'Mozilla/5.0 (compatible; Foo "Bar" 1.0)'
USERS = ["alice", "bob", "chen", "dmitri", "emma", "farid", "greta", "hiro"]

IPV4_PREFIXES = ["192.0.2", "198.51.100", "203.0.113",  # documentation ranges
                 "85.181", "91.64", "84.159", "37.201", "93.104", "79.241", "46.114", "176.3",
                 "188.192", "31.17", "77.12", "2.204", "94.134", "87.123", "62.226", "109.43"]
IPV6_PREFIXES = ["2001:db8", "2a02:810d", "2a01:c22", "2003:e5", "2a02:3100", "2a00:20"]


def random_ipv4(rng):
    prefix = IPV4_PREFIXES[rng.randrange(len(IPV4_PREFIXES))]
    parts = prefix.split(".")
    while len(parts) < 4:
        parts.append(str(rng.randrange(1, 255)))
    return ".".join(parts)


def random_ipv6(rng):
    prefix = IPV6_PREFIXES[rng.randrange(len(IPV6_PREFIXES))]
    hextets = [int(h, 16) for h in prefix.split(":")]
    while len(hextets) < 4:
        hextets.append(rng.randrange(0, 0x10000))
    if rng.random() < 0.3:  # SLAAC-looking or short interface ids
        hextets += [0, 0, 0, rng.randrange(1, 0x100)]
    else:
        hextets += [rng.randrange(0, 0x10000) for _ in range(4)]
    value = 0
    for h in hextets:
        value = (value << 16) | h
    return str(ipaddress.IPv6Address(value))


@dataclass
class Visitor:
    ip: str
    agent: str | None
    mobile: bool = False
    user: str | None = None  # logs in at checkout
    cached: bool = False  # returning visitor with the shop's static files in the browser cache
    # day 2 only: (client field as nginx logs it, effective client the generator designates)
    chain: tuple[str, str] | None = None

    def client_field(self):
        return self.chain[0] if self.chain else self.ip

    def effective_client(self):
        return self.chain[1] if self.chain else self.ip


def make_visitor_pool(rng, n):
    pool, seen = [], set()
    while len(pool) < n:
        ip = random_ipv6(rng) if rng.random() < 0.11 else random_ipv4(rng)
        if ip in seen:
            continue
        seen.add(ip)
        agent, _, mobile = rng.choices(BROWSERS, [b[1] for b in BROWSERS])[0]
        user = USERS[len(pool) % len(USERS)] if rng.random() < 0.18 else None
        pool.append(Visitor(ip, agent, mobile, user, cached=rng.random() < 0.5))
    return pool


# --------------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------------

@dataclass
class Good:
    """One well-formed line and the ground truth the expected outputs come from."""
    t: int  # seconds since the server's local midnight
    client_field: str  # as logged
    client: str  # the effective client, designated by the generator
    user: str | None
    method: str | None  # None: request logged as "-"; "": request logged as ""
    target: str | None
    protocol: str | None
    path_key: str  # the path the generator chose ('-' when there is no request)
    status: int
    nbytes: int | None  # None: logged as '-'
    referrer: str | None  # raw header value, None when absent
    agent: str | None


@dataclass
class Bad:
    t: int
    raw: bytes
    why: str


@dataclass
class Server:
    name: str  # 'apache' | 'nginx'
    date: datetime  # local midnight of the log day
    offset_min: int  # server clock offset from UTC

    def escape(self, value: str) -> str:
        """How the server writes a request or header value between quotes."""
        out = []
        for ch in value:
            o = ord(ch)
            if self.name == "apache":
                if ch in '"\\':
                    out.append("\\" + ch)
                elif o < 32 or o > 126:
                    out.append("\\x%02x" % o)
                else:
                    out.append(ch)
            else:  # nginx escape=default
                if ch in '"\\' or o < 32 or o > 126:
                    out.append("\\x%02X" % o)
                else:
                    out.append(ch)
        return "".join(out)

    def error_bytes(self, status: int) -> int:
        """The size of the server's (or the shop's) error page for a status."""
        if status == 500:  # the shop's own error page
            return 531
        table = ({301: 233, 400: 226, 403: 199, 404: 196, 502: 341, 503: 299}
                 if self.name == "apache" else
                 {301: 169, 400: 157, 403: 153, 404: 153, 429: 169, 502: 157, 503: 197})
        return table[status]

    def zero_bytes(self):
        """Apache's %b writes '-' for an empty body, nginx's $body_bytes_sent writes 0."""
        return None if self.name == "apache" else 0

    def timestamp(self, t: int) -> str:
        """%t / $time_local without brackets: 24/Nov/2026:09:15:02 +0100 (English month)."""
        d = self.date + timedelta(seconds=t)
        sign = "+" if self.offset_min >= 0 else "-"
        off = abs(self.offset_min)
        month = MONTHS[d.month - 1]
        return "%02d/%s/%04d:%02d:%02d:%02d %s%02d%02d" % (
            d.day, month, d.year, d.hour, d.minute, d.second, sign, off // 60, off % 60)

    def utc_hour(self, t: int) -> str:
        d = self.date + timedelta(seconds=t) - timedelta(minutes=self.offset_min)
        return d.strftime("%Y-%m-%dT%H")

    def render(self, g: Good) -> str:
        if g.method is None:
            request = "-"
        elif g.method == "":
            request = ""
        else:
            request = self.escape(f"{g.method} {g.target} {g.protocol}")
        nbytes = "-" if g.nbytes is None else str(g.nbytes)
        return (f"{g.client_field} - {g.user or '-'} [{self.timestamp(g.t)}] \"{request}\" "
                f"{g.status} {nbytes} \"{self.logged(g.referrer)}\" \"{self.logged(g.agent)}\"")

    def logged(self, header: str | None) -> str:
        return "-" if header is None else self.escape(header)


class Day:
    """Builds one day's traffic as a list of Good lines (plus Bad ones added later)."""

    def __init__(self, server: Server, catalog: Catalog, rng: random.Random):
        self.server = server
        self.catalog = catalog
        self.rng = rng
        self.lines: list[Good] = []
        self.bad: list[Bad] = []
        self.deploy_t = None  # server time of a deploy changing app.<hash>.js (day 2)
        self.incident = None  # (start, end, statuses): a backend outage in server seconds

    # -- helpers ------------------------------------------------------------------------------

    def in_day(self, t):
        return 0 <= t < 86_400

    def add(self, t, v: Visitor | None, method, target, status, nbytes, referrer, agent,
            protocol="HTTP/1.1", client=None, user=None, path_key=None):
        if not self.in_day(t):
            return
        if client is not None:
            client_field, effective = client, client
        else:
            client_field, effective = v.client_field(), v.effective_client()
        if path_key is None:
            if method is None or method == "":
                path_key = "-"
            else:
                path_key = target.split("?", 1)[0]
        self.lines.append(Good(t, client_field, effective, user, method, target, protocol,
                               path_key, status, nbytes, referrer, agent))

    def hour_weights(self):
        """The diurnal curve by server-clock hour (visitors live at UTC+1)."""
        shift = VISITOR_UTC_OFFSET_H * 60 - self.server.offset_min  # minutes
        return [DIURNAL[(h + shift // 60) % 24] for h in range(24)]

    def session_start(self):
        """A start time (server seconds) drawn from the visitors' diurnal curve."""
        hour = self.rng.choices(range(24), self.hour_weights())[0]
        return hour * 3600 + self.rng.randrange(3600)

    def session_starts(self, n):
        """n start times following the diurnal curve closely (sessions per hour by largest
        remainder, so that a small sample still shows the curve), random within the hour."""
        w = self.hour_weights()
        quota = [n * x / sum(w) for x in w]
        per_hour = [int(q) for q in quota]
        by_remainder = sorted(range(24), key=lambda h: (-(quota[h] - per_hour[h]), h))
        for h in by_remainder[:n - sum(per_hour)]:
            per_hour[h] += 1
        starts = [h * 3600 + self.rng.randrange(3600)
                  for h in range(24) for _ in range(per_hour[h])]
        self.rng.shuffle(starts)
        return starts

    def protocol(self, v: Visitor):
        """nginx serves most browsers over HTTP/2 and logs it as HTTP/2.0."""
        if self.server.name == "nginx" and self.rng.random() < 0.6:
            return "HTTP/2.0"
        return "HTTP/1.1"

    def app_js(self, t):
        return APP_JS_NEW if self.deploy_t is not None and t >= self.deploy_t else APP_JS_OLD

    def down(self, t):
        """The error status of a request to the shop's backend at t during an outage, else None."""
        if self.incident is None or not self.incident[0] <= t < self.incident[1]:
            return None
        return self.rng.choice(self.incident[2])

    # -- humans -------------------------------------------------------------------------------

    def human_session(self, v: Visitor, t: int):
        rng, cat = self.rng, self.catalog
        proto = self.protocol(v)
        referrer, target = self.entry(v)
        first = True
        cart = 0
        pages = 0
        while self.in_day(t):
            t, target, rendered = self.page(v, t, target, referrer, proto, first)
            first = first and not rendered
            pages += 1
            referrer = HOST + target
            path = target.split("?", 1)[0]
            # what the visitor does next
            if rng.random() < (0.45 if pages == 1 else 0.4):  # leaves
                return
            if path.startswith("/products/") and rng.random() < 0.28:
                t += rng.randrange(5, 40)
                status = self.down(t) or 200
                err = status != 200
                self.add(t, v, "POST", "/api/cart", status,
                         self.server.error_bytes(status) if err else rng.randrange(180, 650),
                         referrer, v.agent, proto)
                cart += 1
                if rng.random() < 0.5:
                    t += rng.randrange(1, 4)
                    self.add(t, v, "GET", "/api/cart", status,
                             self.server.error_bytes(status) if err else rng.randrange(300, 1400),
                             referrer,
                             v.agent, proto)
            if cart and rng.random() < 0.35:
                self.checkout(v, t + rng.randrange(20, 200), referrer, proto)
                return
            if rng.random() < 0.10:
                t, target = self.search(v, t + rng.randrange(3, 30), referrer, proto)
                continue
            t += int(rng.expovariate(1 / 45)) + 3
            target = self.next_page(path)

    def entry(self, v):
        """(referrer, target) of a session's first page."""
        rng, cat = self.rng, self.catalog
        r = rng.random()
        if r < 0.42:  # direct: typed, bookmarked, or an app
            if rng.random() < 0.7:
                return None, "/"
            return None, f"/products/{cat.product(rng)}"
        if r < 0.77:  # search engines
            engine = rng.choices(["https://www.google.com/", "https://www.google.de/",
                                  "https://www.bing.com/", "https://duckduckgo.com/",
                                  "https://www.ecosia.org/", "https://search.yahoo.com/"],
                                 [60, 20, 8, 6, 4, 2])[0]
            x = rng.random()
            if x < 0.55:
                return engine, f"/products/{cat.product(rng)}"
            if x < 0.85:
                return engine, f"/category/{cat.category(rng)}"
            if x < 0.93:
                return engine, f"/products/{rng.choice(DELETED_PRODUCTS)}"  # 404
            return engine, "/"
        if r < 0.88:  # social
            site, source = rng.choices([("https://t.co/", "twitter"),
                                        ("https://www.facebook.com/", "facebook"),
                                        ("https://l.instagram.com/", "instagram"),
                                        ("https://www.reddit.com/r/malefashionadvice/", "reddit"),
                                        ("https://www.pinterest.com/", "pinterest")],
                                       [3, 3, 4, 1, 2])[0]
            if site == "https://t.co/":
                alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
                site += "".join(rng.choice(alphabet) for _ in range(10))
            return site, f"/products/{cat.product(rng)}?utm_source={source}&utm_medium=social"
        if r < 0.94:  # newsletter, opened in a mail app
            return ("android-app://com.google.android.gm/" if v.mobile else None,
                    f"/category/sale?utm_source=newsletter&utm_campaign=bf-2026")
        # other sites linking to us
        return (rng.choice(["https://www.example.org/blog/best-winter-boots-2026",
                            "https://forum.example.com/t/where-to-buy-wool-scarves/1187",
                            "https://www.idealo.de/"]),
                f"/products/{cat.product(rng)}")

    def next_page(self, path):
        rng, cat = self.rng, self.catalog
        if path == "/":
            x = rng.random()
            if x < 0.45:
                return f"/category/{cat.category(rng)}"
            if x < 0.9:
                return f"/products/{cat.product(rng)}?ref=home"
            return rng.choice(EXTRA_PAGES)
        if path.startswith("/category/"):
            x = rng.random()
            c = path.rsplit("/", 1)[1]
            members = cat.products_of(c) or cat.products
            if x < 0.7:
                return f"/products/{rng.choice(members)}"
            if x < 0.8:
                return f"/category/{c}?page=2"
            if x < 0.9:
                return f"/category/{cat.category(rng)}"
            return "/"
        if path.startswith("/products/"):
            x = rng.random()
            if x < 0.5:
                return f"/products/{cat.product(rng)}"
            if x < 0.7:
                return f"/category/{cat.category(rng)}"
            if x < 0.8:
                return "/"
            if x < 0.83:
                return "/products/undefined"  # a front-end bug: 404
            if x < 0.85:
                return path + "/"  # trailing slash: 301
            return rng.choice(EXTRA_PAGES + ["/cart", "/cart"])
        x = rng.random()
        if x < 0.5:
            return f"/products/{cat.product(rng)}"
        return "/"

    def page(self, v: Visitor, t, target, referrer, proto, first):
        """One page view: the HTML, then what the browser fetches for it.

        Returns the time, the page's final target (after a redirect) and whether it rendered.
        """
        rng, cat = self.rng, self.catalog
        path = target.split("?", 1)[0]
        page_url = HOST + target
        z = self.server.zero_bytes()
        status, nbytes = 200, cat.html_size(rng, path)
        if path.endswith("/") and path != "/":
            status, nbytes = 301, self.server.error_bytes(301)
        elif path == "/products/undefined" or (
                path.startswith("/products/") and int(path.rsplit("/", 1)[1]) in DELETED_PRODUCTS):
            status, nbytes = 404, self.server.error_bytes(404)
        elif self.down(t):
            status = self.down(t)  # (draws the status again: same outage, maybe 502 or 503)
            nbytes = self.server.error_bytes(status)
        elif rng.random() < 0.002:
            status, nbytes = 500, 531
        self.add(t, v, "GET", target, status, nbytes, referrer, v.agent, proto)
        if status == 301:  # the browser follows the redirect
            t += 1
            self.add(t, v, "GET", path.rstrip("/"), 200, cat.html_size(rng, path.rstrip("/")),
                     referrer, v.agent, proto)
            path = target = path.rstrip("/")
            page_url = HOST + path
        elif status != 200:
            return t, target, False
        # sub-resources, within a couple of seconds
        t += rng.randrange(0, 2)
        if first and not v.cached:
            for res in (self.app_js(t), VENDOR_JS, STYLE_CSS):
                self.add(t, v, "GET", res, 200, cat.static_size[res], page_url, v.agent, proto)
            t += rng.randrange(0, 2)
            self.add(t, v, "GET", FONT, 200, cat.static_size[FONT], HOST + STYLE_CSS, v.agent,
                     proto)
            if rng.random() < 0.8:
                self.add(t, v, "GET", "/favicon.ico", 200, cat.static_size["/favicon.ico"],
                         page_url, v.agent, proto)
        elif first:
            # cached: immutable hashed files are not requested again, the stylesheet revalidates
            self.add(t, v, "GET", STYLE_CSS, 304, z, page_url, v.agent, proto)
            if self.deploy_t is not None and t >= self.deploy_t and rng.random() < 0.7:
                res = self.app_js(t)
                self.add(t, v, "GET", res, 200, cat.static_size[res], page_url, v.agent, proto)
        for img in self.images_of(path):
            t += rng.randrange(0, 2)
            if v.cached and rng.random() < 0.5:
                self.add(t, v, "GET", f"/images/{img}.jpg", 304, z, page_url, v.agent, proto)
            else:
                self.add(t, v, "GET", f"/images/{img}.jpg", 200, cat.image_size[img], page_url,
                         v.agent, proto)
        return t, target, True

    def images_of(self, path):
        rng, cat = self.rng, self.catalog
        if path.startswith("/products/"):
            p = int(path.rsplit("/", 1)[1])
            return [p] if p in cat.image_size else []
        if path.startswith("/category/"):
            members = cat.products_of(path.rsplit("/", 1)[1])
            return members[:rng.randrange(1, 4)]
        if path == "/":
            return cat.products[:3]
        return []

    def search(self, v, t, referrer, proto):
        """Autocomplete calls while typing. Returns the time and the results page to show."""
        rng = self.rng
        term = rng.choice(SEARCH_TERMS)
        for n in sorted({min(len(term), k) for k in (2, 4, 6)}):
            q = term[:n].replace(" ", "%20")
            t += rng.randrange(1, 3)
            status = self.down(t) or (500 if rng.random() < 0.01 else None)
            if status:
                self.add(t, v, "GET", f"/api/search?q={q}", status, self.server.error_bytes(status),
                         referrer, v.agent, proto)
            else:
                self.add(t, v, "GET", f"/api/search?q={q}", 200, rng.randrange(1_800, 12_000),
                         referrer, v.agent, proto)
        t += rng.randrange(2, 6)
        return t, "/search?q=" + term.replace(" ", "+")

    def checkout(self, v, t, referrer, proto):
        rng, cat = self.rng, self.catalog
        z = self.server.zero_bytes()
        self.add(t, v, "GET", "/cart", 200, cat.html_size(rng, "/cart"), referrer, v.agent, proto)
        cart_url = HOST + "/cart"
        t += rng.randrange(5, 60)
        if v.user is None:  # a guest: the shop wants a login, the visitor gives up
            self.add(t, v, "GET", "/checkout", 302, z, cart_url, v.agent, proto)
            t += 1
            self.add(t, v, "GET", "/login?next=/checkout", 200, cat.html_size(rng, "/login"),
                     cart_url, v.agent, proto)
            return
        self.add(t, v, "GET", "/checkout", 302, z, cart_url, v.agent, proto)
        t += 1
        login_url = HOST + "/login?next=/checkout"
        self.add(t, v, "GET", "/login?next=/checkout", 200, cat.html_size(rng, "/login"),
                 cart_url, v.agent, proto)
        t += rng.randrange(8, 40)
        if rng.random() < 0.2:  # mistyped password: the form again
            self.add(t, v, "POST", "/login", 200, cat.html_size(rng, "/login"), login_url,
                     v.agent, proto)
            t += rng.randrange(8, 30)
        self.add(t, v, "POST", "/login", 302, z, login_url, v.agent, proto)
        t += 1
        if self.down(t):
            status = self.down(t)
            self.add(t, v, "GET", "/checkout", status, self.server.error_bytes(status), login_url,
                     v.agent, proto, user=v.user)
            return
        self.add(t, v, "GET", "/checkout", 200, cat.html_size(rng, "/checkout"), login_url,
                 v.agent, proto, user=v.user)
        t += rng.randrange(30, 240)
        if rng.random() < 0.8:
            self.add(t, v, "POST", "/checkout", 200, rng.randrange(7_000, 9_500),
                     HOST + "/checkout", v.agent, proto, user=v.user)

    # -- machines -----------------------------------------------------------------------------

    def health_checks(self, ip):
        for t in range(0, 86_400, 900):
            self.add(t + self.rng.randrange(0, 3), None, "GET", "/health", 200, 15, None, UA_HEALTH,
                     client=ip)

    def uptime_monitor(self, client):
        for t in range(0, 86_400, 3600):
            self.add(t + 1200 + self.rng.randrange(0, 5), None, "HEAD", "/", 200,
                     self.server.zero_bytes(), None, UA_UPTIME, client=client)

    def crawler(self, ips, agents, n, start=None, span=86_400, conditional=0.2):
        """A search engine crawler: robots.txt, the sitemap, then pages and images."""
        rng, cat = self.rng, self.catalog
        z = self.server.zero_bytes()
        t = start if start is not None else rng.randrange(0, 3600)
        ip = ips[0]
        self.add(t, None, "GET", "/robots.txt", 200, cat.static_size["/robots.txt"], None,
                 agents[0], client=ip)
        t += rng.randrange(1, 30)
        self.add(t, None, "GET", "/sitemap.xml", 200, cat.static_size["/sitemap.xml"], None,
                 agents[0], client=ip)
        step = span // n
        for i in range(n):
            t = (start or 0) + i * step + rng.randrange(0, step)
            ip = rng.choice(ips)
            agent = rng.choice(agents)
            x = rng.random()
            if x < 0.55:
                target = f"/products/{cat.product(rng)}"
            elif x < 0.75:
                target = f"/category/{cat.category(rng)}"
                if rng.random() < 0.3:
                    target += f"?page={rng.randrange(2, 5)}"
            elif x < 0.9:
                img = cat.product(rng)
                target = f"/images/{img}.jpg"
            elif x < 0.95:
                target = rng.choice(EXTRA_PAGES[2:] + ["/"])
            else:
                target = f"/products/{rng.choice(DELETED_PRODUCTS)}"
            path = target.split("?", 1)[0]
            if path.startswith("/products/") and int(path.rsplit("/", 1)[1]) in DELETED_PRODUCTS:
                status, nbytes = 404, self.server.error_bytes(404)
            elif rng.random() < conditional:
                status, nbytes = 304, z
            elif path.startswith("/images/"):
                status, nbytes = 200, cat.image_size[int(path[8:-4])]
            else:
                status, nbytes = 200, cat.html_size(rng, path)
            self.add(t, None, "GET", target, status, nbytes, None, agent, client=ip)

    def scanner(self, ip, agent, t, n):
        rng = self.rng
        probes = rng.sample(PROBES, n)
        for method, target, status in probes:
            t += rng.randrange(0, 3)
            if status == 200:
                nbytes = self.catalog.html_size(rng, "/")
            else:
                nbytes = self.server.error_bytes(status)
            self.add(t, None, method, target, status, nbytes, None, agent, client=ip)

    def scraper(self, ip, t, n, allowed):
        """A price scraper walking the search API, rate limited (429) after `allowed` requests."""
        rng = self.rng
        for i in range(n):
            t += rng.randrange(0, 2)
            term = SEARCH_TERMS[i % len(SEARCH_TERMS)].replace(" ", "+")
            target = f"/api/search?q={term}&page={1 + i // len(SEARCH_TERMS)}&sort=price"
            if i < allowed:
                self.add(t, None, "GET", target, 200, rng.randrange(1_800, 12_000), None,
                         "python-requests/2.32.3", client=ip)
            else:
                self.add(t, None, "GET", target, 429, self.server.error_bytes(429), None,
                         "python-requests/2.32.3", client=ip)

    def odd_requests(self, visitors):
        """Request timeouts, an empty request, CORS preflights: each a well-formed line."""
        rng = self.rng
        for _ in range(3):  # connection opened, nothing sent: 408 with request "-"
            v = rng.choice(visitors)
            self.add(rng.randrange(8 * 3600, 22 * 3600), v, None, None, 408, None, None, None)
        v = rng.choice(visitors)  # an empty request line: 400 with request ""
        self.add(rng.randrange(3600, 6 * 3600), v, "", None, 400, self.server.zero_bytes(), None,
                 None)
        for _ in range(3):  # the mobile site calling the cart API cross-origin
            v = rng.choice([w for w in visitors if w.mobile])
            t = self.session_start()
            self.add(t, v, "OPTIONS", "/api/cart", 204, self.server.zero_bytes(),
                     "https://m.shop.example.com/", v.agent)
            self.add(t, v, "GET", "/api/cart", 200, rng.randrange(300, 1400),
                     "https://m.shop.example.com/", v.agent)


# --------------------------------------------------------------------------------------------
# The two days
# --------------------------------------------------------------------------------------------

def build_day(server: Server, catalog: Catalog, pool: list[Visitor], seed: int,
              sessions: int) -> Day:
    rng = random.Random(seed)
    day = Day(server, catalog, rng)
    apache = server.name == "apache"
    if not apache:
        day.deploy_t = 7 * 3600 + 12 * 60  # app.<hash>.js changes at 07:12
        # the shop's backend restarts badly at 18:41 and is back at 18:52
        day.incident = (18 * 3600 + 41 * 60, 18 * 3600 + 52 * 60, [502, 502, 502, 503])
    else:
        day.incident = (14 * 3600 + 2 * 60, 14 * 3600 + 5 * 60, [503])  # a 3-minute deploy

    visitors = rng.sample(pool, 300)
    # most visitors come once; some come back later in the day (the first ones, more often)
    once = sessions * 85 // 100
    if not apache:
        add_proxy_chains(rng, visitors, once)
    who = visitors[:once] + [visitors[min(int(rng.expovariate(1 / 40)), once - 1)]
                             for _ in range(sessions - once)]
    for v, start in zip(who, day.session_starts(sessions)):
        day.human_session(v, start)

    day.health_checks("10.0.3.7")
    googlebot = ["66.249.66.1", "66.249.66.33", "66.249.79.103", "66.249.68.9"]
    bingbot = ["157.55.39.14", "40.77.167.61"]
    day.crawler(googlebot, [UA_GOOGLEBOT_MOBILE, UA_GOOGLEBOT_MOBILE, UA_GOOGLEBOT], 150)
    day.crawler(bingbot, [UA_BINGBOT], 55, conditional=0.05)
    if apache:
        day.uptime_monitor("monitor.example.org")
        day.crawler(["crawler-7.example.net"], [UA_CRAWLER], 40, start=3 * 3600 + 700,
                    span=1800, conditional=0)
        for i in range(3):  # logrotate's graceful restart at 06:25
            day.add(6 * 3600 + 25 * 60 + 3 + i // 2, None, "OPTIONS", "*", 200, None, None,
                    UA_APACHE_DUMMY, protocol="HTTP/1.0", client="::1")
        scanners = [("45.148.10.92", UA_QUOTED), ("2001:db8:dead:beef::66", "curl/8.11.1"),
                    ("185.220.101.4", None), ("198.51.100.77", "python-requests/2.32.3")]
    else:
        day.uptime_monitor("198.51.100.200")
        scanners = [("45.148.10.92", UA_QUOTED), ("193.41.206.36", "Mozilla/5.0 zgrab/0.x"),
                    ("2a06:4880:3000::a1", "Go-http-client/1.1"), ("185.220.101.4", None),
                    ("198.51.100.77", "curl/8.5.0")]
        # an open-proxy check and a CONNECT attempt
        day.add(rng.randrange(86_400), None, "GET", "http://www.example.com/", 400, 157, None,
                "Mozilla/5.0 zgrab/0.x", client="193.41.206.36")
        day.add(rng.randrange(86_400), None, "CONNECT", "www.google.com:443", 400, 157, None,
                None, client="185.220.101.4")
        day.scraper("2a05:d014:9f0:c00:7d3a:18b2:5e2c:41f0", 2 * 3600 + 10 * 60, 34, 20)
    for ip, agent in scanners:
        day.scanner(ip, agent, rng.randrange(86_400 - 120), rng.randrange(5, 12))
    day.odd_requests(visitors)
    return day


def add_proxy_chains(rng, visitors, n):
    """Some day-2 visitors come through proxies: nginx logs a forwarded-for list as the client.

    Each entry: (client field as logged, the effective client) where the effective client is
    the first public address of the list, or its first entry when none is public. Only the first
    n visitors (those sure to have a session today) are changed.
    """
    def chain_a(ip):  # office proxies, then the visitor, unquoted
        return f"10.0.0.2, 10.0.0.1, {ip}", ip

    def chain_b(ip):  # a quoted X-Forwarded-For, then the load balancer's address
        return f'"10.5.102.222, {ip}, 204.246.1.1" 10.2.1.185', ip

    def chain_c(ip):  # the visitor, then a CDN edge
        return f"{ip}, 130.176.13.77", ip

    def chain_d(ip):  # private networks of every kind before the visitor
        return f"192.168.0.12, 172.31.255.4, 100.127.3.3, 169.254.1.9, 127.0.0.1, {ip}", ip

    def chain_e(_):  # an internal client through an internal proxy: nothing public
        return "10.0.0.7, 192.168.1.20", "10.0.0.7"

    def chain_f(ip):  # IPv6: a unique-local and a link-local hop first
        return f"fd12:3456:789a::17, fe80::1c2a:3bff:fe4d:5e6f, {ip}", ip

    # 85.181.35.98 browses from home directly, and from the office through its proxies
    visitors[0] = Visitor("85.181.35.98", UA_FIREFOX_WIN)
    visitors[1] = Visitor("85.181.35.98", UA_CHROME_WIN, chain=chain_a("85.181.35.98"))
    visitors[2] = Visitor("199.96.1.1", UA_SAFARI_MAC, chain=chain_b("199.96.1.1"))
    candidates = [v for v in visitors[3:n] if ":" not in v.ip]
    makers = [chain_a] * 4 + [chain_b] * 4 + [chain_c] * 4 + [chain_d] * 2 + [chain_e]
    for v, make in zip(rng.sample(candidates, len(makers)), makers):
        v.chain = make(v.ip)
    for v in rng.sample([v for v in visitors[3:n] if ":" in v.ip], 2):
        v.chain = chain_f(v.ip)


# --------------------------------------------------------------------------------------------
# Malformed lines
# --------------------------------------------------------------------------------------------

def add_malformed(day: Day):
    rng, s = day.rng, day.server
    good = day.lines

    def near(hour):  # a time, and an ordinary good line close to it to borrow its shape
        t = hour * 3600 + rng.randrange(3600)
        ordinary = [x for x in good if x.method in ("GET", "POST") and "\\" not in x.target
                    and x.nbytes is not None and x.agent is not None and '"' not in x.agent
                    and '"' not in x.client_field]
        g = min(ordinary, key=lambda x: (abs(x.t - t), x.t))
        good.remove(g)  # this request's line is the damaged one
        return g.t, g

    t, g = near(13)  # the writer died mid-line: cut inside the request
    full = s.render(g)
    cut = full.index('"') + 1 + len(g.method or "") + 1 + max(3, len(g.target or "") // 2)
    day.bad.append(Bad(t, full[:cut].encode(), "truncated mid-request"))

    # binary garbage: a block of NULs and random bytes, as a crash can leave behind
    t = 4 * 3600 + rng.randrange(3600)
    garbage = bytearray(b"\x00" * 12)
    while len(garbage) < 96:
        c = rng.randrange(256)
        if c not in (0x0A, 0x0D, 0x20):  # no line break, no space (so no " [" either)
            garbage.append(c)
    day.bad.append(Bad(t, bytes(garbage), "binary garbage"))

    t, g = near(10)  # impossible time of day
    ts = s.timestamp(g.t)
    line = s.render(g).replace(ts, ts[:12] + "25:61:00" + ts[20:], 1)
    day.bad.append(Bad(t, line.encode(), "bad timestamp (25:61)"))

    t, g = near(16)  # status "abc"
    line = s.render(g).replace(f'" {g.status} ', '" abc ', 1)
    day.bad.append(Bad(t, line.encode(), "status abc"))

    t, g = near(19)  # request quote never closed
    full = s.render(g)
    q = full.index('" ', full.index('"') + 1)
    day.bad.append(Bad(t, (full[:q] + full[q + 1:]).encode(), "unterminated request quote"))

    t = 15 * 3600 + rng.randrange(3600)
    day.bad.append(Bad(t, b"", "empty line"))

    if s.name == "apache":
        # an error-log line written to the access log (a misconfigured vhost)
        t = 11 * 3600 + rng.randrange(3600)
        d = s.date + timedelta(seconds=t)
        weekday = "Mon Tue Wed Thu Fri Sat Sun".split()[d.weekday()]
        stamp = f"{weekday} {MONTHS[d.month - 1]} {d.day:02d} {d:%H:%M:%S}"
        line = (f"[{stamp}.{rng.randrange(10**6):06d} {d.year}] "
                f"[proxy_http:error] [pid 21734:tid 140231] (70007)The timeout specified has "
                f"expired: [client 203.0.113.41:52144] AH01102: error reading status line from "
                f"remote server 127.0.0.1:8080")
        day.bad.append(Bad(t, line.encode(), "error-log line in the access log"))
    else:
        t, g = near(8)  # another server's format: ISO 8601 time instead of [dd/Mon/yyyy:...]
        line = s.render(g).replace(
            s.timestamp(g.t), (s.date + timedelta(seconds=g.t)).strftime("%Y-%m-%dT%H:%M:%S+00:00"))
        day.bad.append(Bad(t, line.encode(), "ISO 8601 timestamp"))
        t, g = near(21)  # bytes field not a number
        line = s.render(g).replace(f'" {g.status} {g.nbytes} ', f'" {g.status} 12k ', 1)
        day.bad.append(Bad(t, line.encode(), "bytes 12k"))


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------

def ordered(day: Day):
    """All lines in time order (generation order among equal times): (Good|Bad) list."""
    items = [(x.t, 0, i, x) for i, x in enumerate(day.lines)]
    items += [(x.t, 1, i, x) for i, x in enumerate(day.bad)]
    items.sort(key=lambda k: k[:3])
    return [x for *_, x in items]


def log_bytes(day: Day, entries) -> bytes:
    out = []
    for e in entries:
        out.append(day.server.render(e).encode("ascii") if isinstance(e, Good) else e.raw)
    return b"\n".join(out) + b"\n"


def tsv_escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def write_tsv(path, header, rows):
    text = "\t".join(header) + "\n"
    for row in rows:
        text += "\t".join(tsv_escape(c) if isinstance(c, str) else str(c) for c in row) + "\n"
    write(path, text.encode("utf-8"))


def write(path, data: bytes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def bkey(s: str) -> bytes:
    return s.encode("utf-8")


def expected(day: Day, entries, out_dir):
    """The access-stats outputs, from the ground truth of the good lines."""
    good = [e for e in entries if isinstance(e, Good)]
    bad = [e for e in entries if isinstance(e, Bad)]
    hourly, urls, clients = {}, {}, {}
    tops = {"url": {}, "referrer": {}, "agent": {}}
    for g in good:
        n = g.nbytes or 0
        klass = g.status // 100
        h = hourly.setdefault(day.server.utc_hour(g.t), [0, 0, 0, 0, 0, 0])
        h[0] += 1
        h[1] += n
        if 2 <= klass <= 5:
            h[klass] += 1
        u = urls.setdefault(g.path_key, [0, 0, 0, 0])
        u[0] += 1
        u[1] += n
        u[2] += klass == 4
        u[3] += klass == 5
        c = clients.setdefault(g.client, [0, 0])
        c[0] += 1
        c[1] += n
        for dim, value in (("url", g.path_key), ("referrer", day.server.logged(g.referrer)),
                           ("agent", day.server.logged(g.agent))):
            tops[dim][value] = tops[dim].get(value, 0) + 1

    write_tsv(f"{out_dir}/hourly.tsv",
              ["hour", "requests", "bytes", "s2xx", "s3xx", "s4xx", "s5xx"],
              [[k] + v for k, v in sorted(hourly.items())])
    write_tsv(f"{out_dir}/urls.tsv", ["path", "hits", "bytes", "s4xx", "s5xx"],
              [[k] + v for k, v in sorted(urls.items(), key=lambda kv: bkey(kv[0]))])
    write_tsv(f"{out_dir}/clients.tsv", ["client", "hits", "bytes"],
              [[k] + v for k, v in sorted(clients.items(), key=lambda kv: bkey(kv[0]))])
    rows = []
    for dim in ("url", "referrer", "agent"):
        ranked = sorted(tops[dim].items(), key=lambda kv: (-kv[1], bkey(kv[0])))[:TOP_N]
        rows += [[dim, i + 1, value, hits] for i, (value, hits) in enumerate(ranked)]
    write_tsv(f"{out_dir}/top.tsv", ["dimension", "rank", "value", "hits"], rows)
    counts = {"lines": len(entries), "parsed": len(good), "rejected": len(bad)}
    write(f"{out_dir}/counts.json", (json.dumps(counts) + "\n").encode())
    return counts


def main():
    catalog = Catalog(random.Random(1))
    pool = make_visitor_pool(random.Random(2), 420)
    days = [
        (Server("apache", datetime(2026, 11, 24), 60), 20261124, 300, "access.log"),
        (Server("nginx", datetime(2026, 11, 25), 0), 20261125, 340, "access.log.gz"),
    ]
    for server, seed, sessions, name in days:
        # fresh visitor state per day (proxy chains are day 2 only)
        visitors = [Visitor(v.ip, v.agent, v.mobile, v.user, v.cached) for v in pool]
        day = build_day(server, catalog, visitors, seed, sessions)
        add_malformed(day)
        entries = ordered(day)
        data = log_bytes(day, entries)
        dt = server.date.strftime("%Y-%m-%d")
        log_dir = f"{SAMPLE_DATA}/logs/access/dt={dt}"
        if name.endswith(".gz"):
            data = gzip.compress(data, compresslevel=9, mtime=0)
        write(f"{log_dir}/{name}", data)
        write(f"{log_dir}/_SUCCESS", b"")
        counts = expected(day, entries, f"{SAMPLE_DATA}/expected/access-stats/dt={dt}")
        print(f"dt={dt}: {counts['lines']} lines, {counts['parsed']} parsed, "
              f"{counts['rejected']} rejected:")
        for n, e in enumerate(entries, 1):
            if isinstance(e, Bad):
                print(f"  line {n}: {e.why}")


if __name__ == "__main__":
    main()
