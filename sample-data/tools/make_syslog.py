#!/usr/bin/env python3
"""Generates the syslog sample data of Colony.

    python3 sample-data/tools/make_syslog.py

writes, relative to sample-data/:

    logs/syslog/dt=2026-11-24/syslog       rsyslog traditional file format (RFC 3164, no PRI)
    logs/syslog/dt=2026-11-24/_SUCCESS
    logs/syslog/dt=2026-11-25/syslog.gz    rsyslog's RFC 3339 file format, gzip (mtime 0)
    logs/syslog/dt=2026-11-25/_SUCCESS

Each is one day of the central log host of a small web shop: two nginx web servers, a
PostgreSQL server, a mail relay and the shop's API, whose messages keep their RFC 5424 form with
structured data. Every host's clock is UTC; the API stamps its messages in +01:00.

Python 3.11+, standard library only. Deterministic: fixed seeds, no clock, no set iteration;
running it twice gives byte-identical files. The generator knows every malformed line it writes
and the reason Colony's parser must give; it prints them with their line numbers.
"""

from __future__ import annotations

import gzip
import os
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

SAMPLE_DATA = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # not locale-dependent
BOM = "\ufeff"
API_OFFSET = timedelta(hours=1)

WEB_HOSTS = ["web1", "web2"]
DB_HOST = "db1"
MAIL_HOST = "mail1"
APP_HOST = "app1"
# sshd brute force comes from these (documentation and real-looking ranges)
ATTACKERS = ["203.0.113.%d" % n for n in (5, 17, 44, 91, 150, 201)] + \
            ["198.51.100.%d" % n for n in (3, 66, 129)] + \
            ["45.155.205.%d" % n for n in (12, 99)] + ["2001:db8:dead::%x" % n for n in (1, 0x2f)]
ATTACK_USERS = ["root", "admin", "test", "ubuntu", "oracle", "postgres", "guest", "user",
                "ftpuser", "git", "pi", "support", "deploy"]
OFFICE = "192.0.2.10"
BASTION = "10.0.0.5"
STAFF = ["alice", "bob"]
MAIL_PEERS = [("mx.example.org", "192.0.2.25"), ("mail.example.net", "198.51.100.25"),
              ("smtp.example.com", "203.0.113.25"), ("unknown", "45.155.205.77")]
RECIPIENTS = ["anna@example.org", "ben@example.net", "carla@example.com", "dave@example.org"]
API_PATHS = ["/api/cart", "/api/search", "/api/products/42", "/api/checkout", "/api/login"]


@dataclass
class Entry:
    """One line: its UTC time (for ordering) and the bytes written, with the reason Colony must
    reject it for, or None."""
    t: datetime
    seq: int
    data: bytes
    reason: str | None = None
    why: str = ""


class Day:
    def __init__(self, date: datetime, seed: int, rfc3339: bool):
        self.date = date
        self.rnd = random.Random(seed)
        self.rfc3339 = rfc3339
        self.entries: list[Entry] = []
        self.pid = 20000 + seed % 1000

    def next_pid(self) -> int:
        self.pid += self.rnd.randint(1, 40)
        return self.pid

    def at(self, seconds: float) -> datetime:
        return self.date + timedelta(seconds=seconds)

    def stamp(self, t: datetime) -> str:
        if self.rfc3339:
            return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%06d+00:00" % t.microsecond
        return "%s %2d %s" % (MONTHS[t.month - 1], t.day, t.strftime("%H:%M:%S"))

    def add(self, t: datetime, host: str, tag: str, msg: str):
        """A line as the central rsyslog writes it: its file template's timestamp, host, tag."""
        line = "%s %s %s %s" % (self.stamp(t), host, tag, msg)
        self.entries.append(Entry(t, len(self.entries), line.encode()))

    def add_5424(self, t: datetime, pri: int, procid: str, msgid: str, sd: str, msg: str,
                 bom: bool = False):
        local = t + API_OFFSET
        ts = local.strftime("%Y-%m-%dT%H:%M:%S") + ".%06d+01:00" % local.microsecond
        line = "<%d>1 %s %s shop-api %s %s %s %s%s" % (pri, ts, APP_HOST, procid, msgid, sd,
                                                      BOM if bom else "", msg)
        self.entries.append(Entry(t, len(self.entries), line.encode()))

    def add_bad(self, t: datetime, data: bytes, reason: str, why: str):
        self.entries.append(Entry(t, len(self.entries), data, reason, why))


def tag(name: str, pid: int | None = None) -> str:
    return "%s[%d]:" % (name, pid) if pid is not None else name + ":"


# --------------------------------------------------------------------------------------------
# What the hosts log
# --------------------------------------------------------------------------------------------

def sshd_attacks(day: Day, host: str, bursts: int):
    """Brute-force bursts: invalid users and failed passwords from a few addresses."""
    rnd = day.rnd
    for _ in range(bursts):
        ip = rnd.choice(ATTACKERS)
        s = rnd.uniform(0, 86000)
        for _ in range(rnd.randint(3, 12)):
            s += rnd.uniform(0.5, 9)
            if s >= 86399:
                break
            pid = day.next_pid()
            user = rnd.choice(ATTACK_USERS)
            port = rnd.randint(32768, 65535)
            t = day.at(s)
            if rnd.random() < 0.4:
                day.add(t, host, tag("sshd", pid), "Invalid user %s from %s port %d"
                        % (user, ip, port))
                day.add(t + timedelta(seconds=rnd.uniform(1, 3)), host, tag("sshd", pid),
                        "Failed password for invalid user %s from %s port %d ssh2"
                        % (user, ip, port))
            else:
                day.add(t + timedelta(seconds=rnd.uniform(1, 3)), host, tag("sshd", pid),
                        "Failed password for %s from %s port %d ssh2" % (user, ip, port))
            day.add(t + timedelta(seconds=rnd.uniform(3, 5)), host, tag("sshd", pid),
                    "Connection closed by authenticating user %s %s port %d [preauth]"
                    % (user, ip, port))


def sshd_logins(day: Day, host: str, n: int, source: str, user: str, method: str):
    rnd = day.rnd
    for _ in range(n):
        s = rnd.uniform(7 * 3600, 19 * 3600)
        pid = day.next_pid()
        port = rnd.randint(40000, 60000)
        t = day.at(s)
        if method == "password" and rnd.random() < 0.25:
            day.add(t - timedelta(seconds=4), host, tag("sshd", pid),
                    "Failed password for %s from %s port %d ssh2" % (user, source, port))
        extra = ": ED25519 SHA256:Qm9yaXMgd2FzIGhlcmUgaW4gMjAyNiBtYWtpbmcgbG9ncw" \
            if method == "publickey" else ""
        day.add(t, host, tag("sshd", pid), "Accepted %s for %s from %s port %d ssh2%s"
                % (method, user, source, port, extra))
        day.add(t + timedelta(milliseconds=40), host, tag("sshd", pid),
                "pam_unix(sshd:session): session opened for user %s(uid=1001) by (uid=0)" % user)
        day.add(t + timedelta(milliseconds=90), host, tag("systemd-logind", 412),
                "New session %d of user %s." % (rnd.randint(100, 999), user))
        end = t + timedelta(minutes=rnd.uniform(2, 50))
        if rnd.random() < 0.6:
            day.add(end - timedelta(seconds=30), host, tag("sudo"),
                    "%8s : TTY=pts/0 ; PWD=/home/%s ; USER=root ; COMMAND=%s"
                    % (user, user, rnd.choice(["/usr/bin/systemctl reload nginx",
                                                "/usr/bin/journalctl -u nginx --since today",
                                                "/usr/bin/apt-get upgrade -y",
                                                "/usr/bin/tail -n 200 /var/log/syslog"])))
            day.add(end - timedelta(seconds=30), host, tag("sudo"),
                    "pam_unix(sudo:session): session opened for user root(uid=0) by %s(uid=1001)"
                    % user)
            day.add(end - timedelta(seconds=20), host, tag("sudo"),
                    "pam_unix(sudo:session): session closed for user root")
        day.add(end, host, tag("sshd", pid), "Received disconnect from %s port %d:11: "
                "disconnected by user" % (source, port))
        day.add(end, host, tag("sshd", pid),
                "pam_unix(sshd:session): session closed for user %s" % user)


def cron(day: Day, host: str, jobs: list[tuple[int, int, str]]):
    """(minute, every n hours, command) run by root's crontab."""
    for minute, every, command in jobs:
        for hour in range(0, 24, every):
            t = day.at(hour * 3600 + minute * 60 + 1)
            pid = day.next_pid()
            day.add(t, host, tag("CRON", pid),
                    "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)")
            day.add(t, host, tag("CRON", pid + 1), "(root) CMD (%s)" % command)
            day.add(t + timedelta(seconds=1), host, tag("CRON", pid),
                    "pam_unix(cron:session): session closed for user root")


def systemd_daily(day: Day, host: str):
    """logrotate at midnight: systemd runs it, rsyslog is told to reopen its files."""
    t = day.at(0.2 + day.rnd.random())
    day.add(t, host, tag("systemd", 1), "Starting logrotate.service - Rotate log files...")
    day.add(t + timedelta(seconds=1.3), host, tag("rsyslogd"),
            '[origin software="rsyslogd" swVersion="8.2302.0" x-pid="612" '
            'x-info="https://www.rsyslog.com"] rsyslogd was HUPed')
    day.add(t + timedelta(seconds=1.5), host, tag("systemd", 1),
            "logrotate.service: Deactivated successfully.")
    day.add(t + timedelta(seconds=1.5), host, tag("systemd", 1),
            "Finished logrotate.service - Rotate log files.")


def systemd_restart(day: Day, host: str, s: float, unit: str, description: str):
    t = day.at(s)
    day.add(t, host, tag("systemd", 1), "Stopping %s - %s..." % (unit, description))
    day.add(t + timedelta(seconds=0.4), host, tag("systemd", 1),
            "%s: Deactivated successfully." % unit)
    day.add(t + timedelta(seconds=0.4), host, tag("systemd", 1),
            "Stopped %s - %s." % (unit, description))
    day.add(t + timedelta(seconds=0.5), host, tag("systemd", 1),
            "Starting %s - %s..." % (unit, description))
    day.add(t + timedelta(seconds=0.9), host, tag("systemd", 1),
            "Started %s - %s." % (unit, description))


def kernel_firewall(day: Day, host: str, n: int):
    rnd = day.rnd
    for _ in range(n):
        s = rnd.uniform(0, 86399)
        src = rnd.choice(ATTACKERS[:11])
        port = rnd.choice([23, 445, 3389, 5900, 6379, 8080, 9200, 27017])
        day.add(day.at(s), host, tag("kernel"),
                "[%d.%06d] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 "
                "SRC=%s DST=10.0.1.%d LEN=44 TOS=0x00 PREC=0x00 TTL=%d ID=%d PROTO=TCP SPT=%d "
                "DPT=%d WINDOW=1024 RES=0x00 SYN URGP=0"
                % (1_200_000 + int(s), rnd.randint(0, 999999), src, 10 + WEB_HOSTS.index(host)
                   if host in WEB_HOSTS else 30, rnd.randint(40, 250), rnd.randint(1, 65535),
                   rnd.randint(1024, 65535), port))


def nginx_errors(day: Day, host: str, n: int, outage: tuple[float, float] | None):
    rnd = day.rnd
    times = [rnd.uniform(0, 86399) for _ in range(n)]
    if outage:
        times += [rnd.uniform(*outage) for _ in range(n * 2)]
    for s in sorted(times):
        t = day.at(s)
        pid = 1180 + WEB_HOSTS.index(host)
        conn = rnd.randint(10000, 99999)
        client = "203.0.113.%d" % rnd.randint(1, 250)
        path = rnd.choice(API_PATHS)
        when = t.strftime("%Y/%m/%d %H:%M:%S")
        if outage and outage[0] <= s <= outage[1]:
            text = ('%s [error] %d#%d: *%d connect() failed (111: Connection refused) while '
                    'connecting to upstream, client: %s, server: shop.example.com, request: '
                    '"GET %s HTTP/1.1", upstream: "http://10.0.2.5:8080%s", host: '
                    '"shop.example.com"' % (when, pid, pid, conn, client, path, path))
        elif rnd.random() < 0.5:
            text = ('%s [error] %d#%d: *%d open() "/srv/shop/static/favicon-32.png" failed '
                    '(2: No such file or directory), client: %s, server: shop.example.com, '
                    'request: "GET /favicon-32.png HTTP/2.0", host: "shop.example.com"'
                    % (when, pid, pid, conn, client))
        else:
            text = ('%s [warn] %d#%d: *%d an upstream response is buffered to a temporary file '
                    '/var/cache/nginx/proxy_temp/4/01/0000000014 while reading upstream, client: '
                    '%s, server: shop.example.com, request: "GET /api/search?q=winter%%20jacket '
                    'HTTP/2.0", host: "shop.example.com"' % (when, pid, pid, conn, client))
        day.add(t, host, tag("nginx"), text)


def postfix(day: Day, n: int):
    rnd = day.rnd
    for i in range(n):
        s = rnd.uniform(0, 86390)
        t = day.at(s)
        smtpd = day.next_pid()
        peer, ip = rnd.choice(MAIL_PEERS)
        qid = "%010X" % rnd.getrandbits(40)
        day.add(t, MAIL_HOST, tag("postfix/smtpd", smtpd), "connect from %s[%s]" % (peer, ip))
        if peer == "unknown":
            day.add(t + timedelta(seconds=0.3), MAIL_HOST, tag("postfix/smtpd", smtpd),
                    "NOQUEUE: reject: RCPT from unknown[%s]: 554 5.7.1 <spam@example.invalid>: "
                    "Relay access denied; from=<x@example.invalid> to=<spam@example.invalid> "
                    "proto=ESMTP helo=<localhost>" % ip)
        else:
            day.add(t + timedelta(seconds=0.2), MAIL_HOST, tag("postfix/smtpd", smtpd),
                    "%s: client=%s[%s]" % (qid, peer, ip))
            day.add(t + timedelta(seconds=0.3), MAIL_HOST, tag("postfix/cleanup", 1522),
                    "%s: message-id=<%d.%s@shop.example.com>" % (qid, 1000 + i, qid.lower()))
            day.add(t + timedelta(seconds=0.4), MAIL_HOST, tag("postfix/qmgr", 1019),
                    "%s: from=<noreply@shop.example.com>, size=%d, nrcpt=1 (queue active)"
                    % (qid, rnd.randint(1800, 24000)))
            rcpt = rnd.choice(RECIPIENTS)
            relay = rcpt.split("@")[1]
            delay = rnd.uniform(0.4, 3.0)
            if rnd.random() < 0.9:
                status = "sent (250 2.0.0 Ok: queued as %05X)" % rnd.getrandbits(20)
            else:
                status = "deferred (host mx.%s[192.0.2.26] said: 451 4.7.1 Try again later)" \
                    % relay
            day.add(t + timedelta(seconds=0.4 + delay), MAIL_HOST, tag("postfix/smtp", day.next_pid()),
                    "%s: to=<%s>, relay=mx.%s[192.0.2.26]:25, delay=%.2f, delays=0.1/0/0.2/%.2f, "
                    "dsn=%s, status=%s" % (qid, rcpt, relay, delay + 0.3, delay, "2.0.0"
                                           if status.startswith("sent") else "4.7.1", status))
            day.add(t + timedelta(seconds=0.5 + delay), MAIL_HOST, tag("postfix/qmgr", 1019),
                    "%s: removed" % qid)
        day.add(t + timedelta(seconds=0.6), MAIL_HOST, tag("postfix/smtpd", smtpd),
                "disconnect from %s[%s] ehlo=1 mail=1 rcpt=%d data=%d quit=1 commands=%d"
                % (peer, ip, 1 if peer != "unknown" else 0, 1 if peer != "unknown" else 0,
                   5 if peer != "unknown" else 3))


def database(day: Day):
    rnd = day.rnd
    for hour in (2,):
        t = day.at(hour * 3600 + 5)
        day.add(t, DB_HOST, tag("pg_dump-shop", day.next_pid()),
                "backup of database shop started")
        day.add(t + timedelta(minutes=rnd.uniform(3, 6)), DB_HOST,
                tag("pg_dump-shop", day.pid), "backup of database shop finished: 1.8 GB")
    for _ in range(25):
        s = rnd.uniform(0, 86399)
        day.add(day.at(s), DB_HOST, tag("postgres", 3021),
                "[%d-1] LOG:  checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) "
                "added, 0 removed, 1 recycled; write=%.3f s, sync=0.004 s, total=%.3f s"
                % (rnd.randint(1000, 9999), rnd.randint(100, 4000), rnd.uniform(0.1, 3),
                   rnd.uniform(10, 27), rnd.uniform(27, 30)))
    for _ in range(6):
        s = rnd.uniform(0, 86399)
        day.add(day.at(s), DB_HOST, tag("postgres", day.next_pid()),
                '[1-1] user=shop,db=shop,app=shop-api,client=10.0.2.5 LOG:  duration: %.3f ms  '
                'statement: SELECT * FROM orders WHERE customer_id = %d ORDER BY created DESC'
                % (rnd.uniform(1000, 4000), rnd.randint(1, 9999)))


def api(day: Day, n: int, outage: tuple[float, float] | None):
    """shop-api: RFC 5424 with structured data; requests, orders, and errors in an outage."""
    rnd = day.rnd
    pid = str(4321 + day.date.day)
    for i in range(n):
        s = rnd.uniform(0, 86399)
        t = day.at(s)
        if outage and outage[0] <= s <= outage[1]:
            day.add_5424(t, 131, pid, "ERROR",
                         '[exception@32473 class="java.net.SocketTimeoutException" '
                         'retry="%d"]' % rnd.randint(1, 3),
                         "payment gateway timed out after 5000 ms")
            continue
        kind = rnd.random()
        if kind < 0.55:
            path = rnd.choice(API_PATHS)
            if path == "/api/search":
                path += "?q=%s" % rnd.choice(['\\"winter jacket\\"', "boots", "wool%20scarf"])
            status = rnd.choice([200] * 12 + [201, 304, 400, 404])
            day.add_5424(t, 134, pid, "HTTP",
                         '[http@32473 method="%s" path="%s" status="%d" ms="%d"]'
                         % ("POST" if path in ("/api/checkout", "/api/login") else "GET", path,
                            status, rnd.randint(2, 180)),
                         "request served")
        elif kind < 0.75:
            items = rnd.randint(1, 5)
            total = sum(rnd.choice([19.9, 29.9, 49.0, 89.0, 129.0]) for _ in range(items))
            day.add_5424(t, 134, pid, "ORDER",
                         '[order@32473 id="%d" items="%d" total="%.2f" currency="EUR"]'
                         '[customer@32473 country="%s"]'
                         % (100000 + i, items, total, rnd.choice(["DE", "AT", "CH", "NL"])),
                         "order placed", bom=rnd.random() < 0.3)
        elif kind < 0.85:
            day.add_5424(t, 134, pid, "-", "-", "cache warmed: 1204 products in 312 ms")
        elif kind < 0.95:
            day.add_5424(t, 135, pid, "AUDIT", '[user@32473 name="%s" action="%s"]'
                         % (rnd.choice(STAFF + ["kai", "lena"]), rnd.choice(["login", "logout",
                                                                             "price-change"])),
                         "Pr\u00fcfprotokoll \u2713", bom=True)
        else:
            day.add_5424(t, 132, pid, "WARN", "-",
                         "slow query: %d ms for GET /api/products/42" % rnd.randint(800, 3000))


# --------------------------------------------------------------------------------------------
# The two days
# --------------------------------------------------------------------------------------------

def build_day(date: datetime, seed: int, rfc3339: bool, outage: tuple[float, float] | None,
              deploy: float) -> Day:
    day = Day(date, seed, rfc3339)
    for host in WEB_HOSTS + [DB_HOST, MAIL_HOST]:
        systemd_daily(day, host)
        sshd_attacks(day, host, bursts=22 if host != DB_HOST else 0)
        sshd_logins(day, host, n=2, source=BASTION if host == DB_HOST else OFFICE,
                    user="deploy", method="publickey")
    for host in WEB_HOSTS:
        cron(day, host, [(17, 1, "cd / && run-parts --report /etc/cron.hourly"),
                         (44, 12, "test -x /usr/bin/certbot && certbot -q renew")])
        kernel_firewall(day, host, 60)
        nginx_errors(day, host, 25, outage)
        systemd_restart(day, host, deploy + WEB_HOSTS.index(host) * 40, "nginx.service",
                        "A high performance web server and a reverse proxy server")
        sshd_logins(day, host, n=1, source=OFFICE, user=STAFF[WEB_HOSTS.index(host)],
                    method="password")
    cron(day, DB_HOST, [(5, 24, "/usr/local/bin/pg-backup shop")])
    database(day)
    kernel_firewall(day, MAIL_HOST, 20)
    postfix(day, 150)
    api(day, 700, outage)
    systemd_restart(day, APP_HOST, deploy + 100, "shop-api.service", "Shop API")
    return day


def add_malformed(day: Day, second: bool):
    """A handful of lines Colony must reject, each with the reason; extra lines, not replacements."""
    rnd = day.rnd
    at = day.at
    # a Java stack trace written line by line by a broken appender: not syslog lines
    t = at(11 * 3600 + 1234.5 if not second else 16 * 3600 + 77.25)
    for k, frame in enumerate(["java.lang.IllegalStateException: cart 8812 is locked",
                               "\tat com.example.shop.cart.CartService.add(CartService.java:118)",
                               "\tat com.example.shop.api.CartResource.post(CartResource.java:54)"]
                              [: 3 if not second else 2]):
        day.add_bad(t + timedelta(microseconds=k), frame.encode(), "SYSLOG_PRIORITY",
                    "stack trace line of a broken appender: no PRI, no timestamp")
    day.add_bad(at(9 * 3600 + 600.5), b"", "BLANK_LINE", "empty line")
    garbage = bytes([0] * 10) + bytes(rnd.randrange(256) for _ in range(60)).replace(
        b"\n", b"#").replace(b"\r", b"#")
    day.add_bad(at(13 * 3600 + 5.7), garbage, "SYSLOG_PRIORITY",
                "binary garbage after a crash (NUL bytes and random bytes)")
    if not second:
        day.add_bad(at(13 * 3600 + 5.6), ("Nov 24 13:05:17").encode(), "SYSLOG_TRUNCATED",
                    "line cut after its timestamp (the writer died)")
        day.add_bad(at(15 * 3600 + 3.3),
                    ('<134>1 2026-11-24T16:00:03.300000+01:00 app1 shop-api 4345 HTTP '
                     '[http@32473 method="GET" path="/api/search?q="winter"" status="200"] '
                     'request served').encode(), "SYSLOG_STRUCTURED_DATA",
                    "structured data value with unescaped quotes")
        day.add_bad(at(17 * 3600 + 42.1),
                    ('<135>1 2026-11-24T18:00:42.100000+01:00 app1 shop-api 4345 AUDIT - '
                     + BOM).encode() + "Z\u00fcrich".encode("latin-1"), "SYSLOG_MESSAGE",
                    "BOM followed by Latin-1, not UTF-8")
        day.add_bad(at(20 * 3600 + 1.01), b"Nov 31 21:00:01 web2 kernel: clock jumped",
                    "SYSLOG_TIMESTAMP", "impossible date Nov 31")
    else:
        day.add_bad(at(14 * 3600 + 131.52), b"2026-11-25T14:02:11.52", "SYSLOG_TIMESTAMP",
                    "line cut inside its timestamp")
        day.add_bad(at(19 * 3600 + 2.5),
                    ('<134>1 2026-11-25T20:00:02.500000+01:00 app1 '
                     'shop-api-payment-reconciler-7f9c6d5b8-x2kqz-canary 4346 - - '
                     'reconciled 12 payments').encode(), "SYSLOG_APP_NAME",
                    "app-name of 50 characters (RFC 5424 allows 48)")
        day.add_bad(at(22 * 3600 + 59.9),
                    b"<134>1 2026-11-25T24:00:00.000000+01:00 app1 shop-api 4346 - - midnight",
                    "SYSLOG_TIMESTAMP", "hour 24")


def ordered(day: Day) -> list[Entry]:
    return sorted(day.entries, key=lambda e: (e.t, e.seq))


def write(path: str, data: bytes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main():
    days = [
        (datetime(2026, 11, 24, tzinfo=timezone.utc), 24, False, None, 10 * 3600 + 120, "syslog"),
        (datetime(2026, 11, 25, tzinfo=timezone.utc), 25, True, (18 * 3600 + 41 * 60,
                                                                 18 * 3600 + 52 * 60),
         7 * 3600 + 720, "syslog.gz"),
    ]
    for date, seed, rfc3339, outage, deploy, name in days:
        day = build_day(date, seed, rfc3339, outage, deploy)
        add_malformed(day, second=rfc3339)
        entries = ordered(day)
        data = b"".join(e.data + b"\n" for e in entries)
        dt = date.strftime("%Y-%m-%d")
        log_dir = f"{SAMPLE_DATA}/logs/syslog/dt={dt}"
        size = len(data)
        if name.endswith(".gz"):
            data = gzip.compress(data, compresslevel=9, mtime=0)
        write(f"{log_dir}/{name}", data)
        write(f"{log_dir}/_SUCCESS", b"")
        bad = [(n, e) for n, e in enumerate(entries, 1) if e.reason]
        rfc5424 = sum(1 for e in entries if not e.reason and e.data.startswith(b"<"))
        hosts: dict[str, int] = {}
        for e in entries:
            if not e.reason:
                host = (e.data.split(b" ")[2 if e.data.startswith(b"<") else
                                           (1 if rfc3339 else 3)]).decode()
                hosts[host] = hosts.get(host, 0) + 1
        print(f"dt={dt}: {len(entries)} lines, {len(entries) - len(bad)} parsed "
              f"({len(entries) - len(bad) - rfc5424} {'RFC3339' if rfc3339 else 'RFC3164'}, "
              f"{rfc5424} RFC5424), {len(bad)} rejected; {size} bytes uncompressed, "
              f"{len(data)} written")
        print("  lines per host: " + ", ".join(f"{h} {c}" for h, c in sorted(hosts.items())))
        for n, e in bad:
            print(f"  line {n}: {e.reason}  {e.why}")


if __name__ == "__main__":
    main()
