package org.colony.jobs.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Messages as daemons write them, each with the template written by hand. The messages are
 * those of sample-data's syslog and of real systems (sshd, sudo, pam, cron, systemd, the kernel,
 * postfix, nginx, PostgreSQL).
 */
class TemplateMaskerTest {

  /** Message, then its template with user names kept (the default). */
  static final String[][] MESSAGES = {
      // sshd
      {"Failed password for root from 1.2.3.4 port 22 ssh2",
          "Failed password for root from <ip> port <num> ssh2"},
      {"Failed password for invalid user admin from 203.0.113.5 port 50228 ssh2",
          "Failed password for invalid user admin from <ip> port <num> ssh2"},
      {"Invalid user oracle from 2001:db8:dead::2f port 41022",
          "Invalid user oracle from <ip> port <num>"},
      {"Accepted publickey for deploy from 192.0.2.10 port 51514 ssh2: ED25519 "
          + "SHA256:Qm9yaXMgd2FzIGhlcmUgaW4gMjAyNiBtYWtpbmcgbG9ncw",
          "Accepted publickey for deploy from <ip> port <num> ssh2: <hex> SHA256:<id>"},
      {"Accepted publickey for deploy from fe80::1c2a:3bff:fe4d:5e6f%eth0 port 52100 ssh2: RSA "
          + "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
          "Accepted publickey for deploy from <ip>%eth0 port <num> ssh2: RSA SHA256:<id>"},
      {"Received disconnect from 192.0.2.10 port 51514:11: disconnected by user",
          "Received disconnect from <ip> port <num>:<num>: disconnected by user"},
      {"Connection closed by authenticating user support 198.51.100.3 port 50228 [preauth]",
          "Connection closed by authenticating user support <ip> port <num> [preauth]"},
      {"pam_unix(sshd:session): session opened for user alice(uid=1001) by (uid=0)",
          "pam_unix(sshd:session): session opened for user alice(uid=<num>) by (uid=<num>)"},
      {"Connection from ::ffff:198.51.100.7 port 4242 on ::ffff:10.0.0.5 port 22 rdomain \"\"",
          "Connection from <ip> port <num> on <ip> port <num> rdomain \"<str>\""},
      {"error: kex_exchange_identification: Connection closed by remote host",
          "error: kex_exchange_identification: Connection closed by remote host"},
      {"Server listening on :: port 22.", "Server listening on :: port <num>."},
      {"Server listening on 0.0.0.0 port 22.", "Server listening on <ip> port <num>."},
      {"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= "
          + "rhost=203.0.113.5  user=root",
          "pam_unix(sshd:auth): authentication failure; logname= uid=<num> euid=<num> tty=ssh "
              + "ruser= rhost=<ip>  user=root"},
      // sudo (the parser has dropped the spaces that right-align the user)
      {"alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl reload nginx",
          "alice : TTY=pts/<num> ; PWD=<path> ; USER=root ; COMMAND=<path> reload nginx"},
      {"bob : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; "
          + "COMMAND=/usr/bin/apt-get upgrade -y",
          "bob : <num> incorrect password attempts ; TTY=pts/<num> ; PWD=<path> ; USER=root ; "
              + "COMMAND=<path> upgrade -y"},
      {"pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1001)",
          "pam_unix(sudo:session): session opened for user root(uid=<num>) by alice(uid=<num>)"},
      // cron
      {"(root) CMD (cd / && run-parts --report /etc/cron.hourly)",
          "(root) CMD (cd / && run-parts --report <path>)"},
      {"pam_unix(cron:session): session closed for user root",
          "pam_unix(cron:session): session closed for user root"},
      {"(CRON) info (No MTA installed, discarding output)",
          "(CRON) info (No MTA installed, discarding output)"},
      // systemd
      {"Starting logrotate.service - Rotate log files...",
          "Starting logrotate.service - Rotate log files..."},
      {"nginx.service: Deactivated successfully.", "nginx.service: Deactivated successfully."},
      {"nginx.service: Consumed 1.204s CPU time.", "nginx.service: Consumed <duration> CPU time."},
      {"Started Session 42 of User alice.", "Started Session <num> of User alice."},
      {"session-42.scope: Deactivated successfully.",
          "session-<num>.scope: Deactivated successfully."},
      {"user@1001.service: Consumed 2min 3.456s CPU time.",
          "<email>: Consumed <duration> <duration> CPU time."},
      {"Unit 'backup.timer' entered failed state.", "Unit '<str>' entered failed state."},
      {"Started session c1a4e7b2-3f5d-4e8a-9b6c-2d1f0e9a8b7c for job 17",
          "Started session <uuid> for job <num>"},
      {"Next run at Tue 2026-11-24 10:15:00 UTC", "Next run at Tue <time> UTC"},
      {"[origin software=\"rsyslogd\" swVersion=\"8.2302.0\" x-pid=\"612\" "
          + "x-info=\"https://www.rsyslog.com\"] rsyslogd was HUPed",
          "[origin software=\"<str>\" swVersion=\"<str>\" x-pid=\"<str>\" x-info=\"<str>\"] "
              + "rsyslogd was HUPed"},
      // kernel
      {"[1200380.187748] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 "
          + "SRC=45.155.205.99 DST=10.0.1.11 LEN=44 TOS=0x00 PREC=0x00 TTL=205 ID=50306 "
          + "PROTO=TCP SPT=44617 DPT=8080 WINDOW=1024 RES=0x00 SYN URGP=0",
          "[<num>] [UFW BLOCK] IN=eth0 OUT= MAC=<mac> SRC=<ip> DST=<ip> LEN=<num> TOS=<hex> "
              + "PREC=<hex> TTL=<num> ID=<num> PROTO=TCP SPT=<num> DPT=<num> WINDOW=<num> "
              + "RES=<hex> SYN URGP=<num>"},
      {"Out of memory: Killed process 2411 (java) total-vm:8388608kB, anon-rss:4194304kB, "
          + "file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9000kB oom_score_adj:0",
          "Out of memory: Killed process <num> (java) total-vm:<size>, anon-rss:<size>, "
              + "file-rss:<size>, shmem-rss:<size>, UID:<num> pgtables:<size> oom_score_adj:<num>"},
      {"python3[2411]: segfault at 0 ip 00007f3a2b1c0d8e sp 00007ffd5e4c3b20 error 4 in "
          + "libc.so.6[7f3a2b000000+195000]",
          "python3[<num>]: segfault at <num> ip <hex> sp <hex> error <num> in "
              + "libc.so.<num>[<hex>+<num>]"},
      {"EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null).",
          "EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)."},
      {"usb 1-1: new high-speed USB device number 2 using xhci_hcd",
          "usb <num>-<num>: new high-speed USB device number <num> using xhci_hcd"},
      // postfix
      {"connect from mail.example.net[198.51.100.25]", "connect from <host>[<ip>]"},
      {"4F2A31C0E1: client=mail.example.net[198.51.100.25]", "<hex>: client=<host>[<ip>]"},
      {"4F2A31C0E1: message-id=<1000.4f2a31c0e1@shop.example.com>",
          "<hex>: message-id=<<email>>"},
      {"4F2A31C0E1: from=<noreply@shop.example.com>, size=12345, nrcpt=1 (queue active)",
          "<hex>: from=<<email>>, size=<num>, nrcpt=<num> (queue active)"},
      {"4F2A31C0E1: to=<anna@example.org>, relay=mx.example.org[192.0.2.26]:25, delay=1.23, "
          + "delays=0.1/0/0.2/0.93, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 3A1F2)",
          "<hex>: to=<<email>>, relay=<host>[<ip>]:<num>, delay=<num>, "
              + "delays=<num>/<num>/<num>/<num>, dsn=<num>, status=sent (<num> <num> Ok: queued "
              + "as <hex>)"},
      {"4F2A31C0E1: to=<dave@example.org>, relay=mx.example.org[192.0.2.26]:25, delay=2.1, "
          + "delays=0.1/0/0.2/1.8, dsn=4.7.1, status=deferred (host mx.example.org[192.0.2.26] "
          + "said: 451 4.7.1 Try again later (in reply to RCPT TO command))",
          "<hex>: to=<<email>>, relay=<host>[<ip>]:<num>, delay=<num>, "
              + "delays=<num>/<num>/<num>/<num>, dsn=<num>, status=deferred (host <host>[<ip>] "
              + "said: <num> <num> Try again later (in reply to RCPT TO command))"},
      {"NOQUEUE: reject: RCPT from unknown[45.155.205.77]: 554 5.7.1 <spam@example.invalid>: "
          + "Relay access denied; from=<x@example.invalid> to=<spam@example.invalid> "
          + "proto=ESMTP helo=<localhost>",
          "NOQUEUE: reject: RCPT from unknown[<ip>]: <num> <num> <<email>>: Relay access denied; "
              + "from=<<email>> to=<<email>> proto=ESMTP helo=<localhost>"},
      {"disconnect from unknown[45.155.205.77] ehlo=1 mail=1 rcpt=0 data=0 quit=1 commands=3",
          "disconnect from unknown[<ip>] ehlo=<num> mail=<num> rcpt=<num> data=<num> quit=<num> "
              + "commands=<num>"},
      {"warning: hostname mail.example.net does not resolve to address 198.51.100.25: Name or "
          + "service not known",
          "warning: hostname <host> does not resolve to address <ip>: Name or service not known"},
      // nginx error log lines through syslog
      {"2026/11/24 10:15:02 [error] 1180#1180: *12345 open() "
          + "\"/srv/shop/static/favicon-32.png\" failed (2: No such file or directory), client: "
          + "203.0.113.7, server: shop.example.com, request: \"GET /favicon-32.png HTTP/2.0\", "
          + "host: \"shop.example.com\"",
          "<time> [error] <num>#<num>: *<num> open() \"<str>\" failed (<num>: No such file or "
              + "directory), client: <ip>, server: <host>, request: \"<str>\", host: \"<str>\""},
      {"2026/11/25 18:45:10 [error] 1181#1181: *53211 connect() failed (111: Connection refused) "
          + "while connecting to upstream, client: 203.0.113.9, server: shop.example.com, "
          + "request: \"GET /api/cart HTTP/1.1\", upstream: \"http://10.0.2.5:8080/api/cart\", "
          + "host: \"shop.example.com\"",
          "<time> [error] <num>#<num>: *<num> connect() failed (<num>: Connection refused) while "
              + "connecting to upstream, client: <ip>, server: <host>, request: \"<str>\", "
              + "upstream: \"<str>\", host: \"<str>\""},
      {"2026/11/24 03:12:44 [warn] 1180#1180: *12 an upstream response is buffered to a "
          + "temporary file /var/cache/nginx/proxy_temp/4/01/0000000014 while reading upstream, "
          + "client: 2001:db8::5, server: shop.example.com",
          "<time> [warn] <num>#<num>: *<num> an upstream response is buffered to a temporary "
              + "file <path> while reading upstream, client: <ip>, server: <host>"},
      {"2026/11/24 10:15:02 [crit] 1180#1180: *7 SSL_do_handshake() failed (SSL: "
          + "error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: "
          + "198.51.100.66, server: 0.0.0.0:443",
          "<time> [crit] <num>#<num>: *<num> SSL_do_handshake() failed (SSL: error:<hex>:SSL "
              + "routines::bad key share) while SSL handshaking, client: <ip>, server: "
              + "<ip>:<num>"},
      {"2026/11/24 10:15:02 [emerg] 1180#1180: bind() to [::]:80 failed (98: Address already in "
          + "use)",
          "<time> [emerg] <num>#<num>: bind() to [::]:<num> failed (<num>: Address already in "
              + "use)"},
      // PostgreSQL
      {"[2345-1] LOG:  checkpoint complete: wrote 1204 buffers (7.3%); 0 WAL file(s) added, 0 "
          + "removed, 1 recycled; write=24.118 s, sync=0.004 s, total=28.312 s",
          "[<num>-<num>] LOG:  checkpoint complete: wrote <num> buffers (<num>%); <num> WAL "
              + "file(s) added, <num> removed, <num> recycled; write=<num> s, sync=<num> s, "
              + "total=<num> s"},
      {"[1-1] user=shop,db=shop,app=shop-api,client=10.0.2.5 LOG:  duration: 1523.112 ms  "
          + "statement: SELECT * FROM orders WHERE customer_id = 42 ORDER BY created DESC",
          "[<num>-<num>] user=shop,db=shop,app=shop-api,client=<ip> LOG:  duration: <num> ms  "
              + "statement: SELECT * FROM orders WHERE customer_id = <num> ORDER BY created DESC"},
      {"backup of database shop finished: 1.8 GB", "backup of database shop finished: <num> GB"},
      // the shop's API
      {"slow query: 1587 ms for GET /api/products/42", "slow query: <num> ms for GET <path>"},
      {"payment gateway timed out after 5000 ms", "payment gateway timed out after <num> ms"},
      {"cache warmed: 1204 products in 312 ms", "cache warmed: <num> products in <num> ms"},
      {"Prüfprotokoll ✓ 12", "Prüfprotokoll ✓ <num>"},
      {"backup started at 2026-11-24T02:00:05.123456+00:00 (took 12ms)",
          "backup started at <time> (took <duration>)"},
      {"fetching https://repo.example.com/dists/stable/InRelease?x=1, retry 3",
          "fetching <url>, retry <num>"},
      {"mail for anna@example.org queued", "mail for <email> queued"},
      {"disk usage 512MiB of 2GiB, took 1.5s, next in 30s",
          "disk usage <size> of <size>, took <duration>, next in <duration>"},
      {"/usr/sbin/cron started", "<path> started"},
      {"status=sent size=1234 dsn=2.0.0", "status=sent size=<num> dsn=<num>"},
      {"", ""},
  };

  /** Messages with user names, and their templates with --mask-users. */
  static final String[][] USERS = {
      {"Failed password for root from 1.2.3.4 port 22 ssh2",
          "Failed password for <user> from <ip> port <num> ssh2"},
      {"Failed password for invalid user admin from 203.0.113.5 port 50228 ssh2",
          "Failed password for invalid user <user> from <ip> port <num> ssh2"},
      {"Invalid user oracle from 2001:db8:dead::2f port 41022",
          "Invalid user <user> from <ip> port <num>"},
      {"Invalid user  from 192.0.2.1 port 22", "Invalid user  from <ip> port <num>"},
      {"Accepted password for bob from 192.0.2.10 port 51514 ssh2",
          "Accepted password for <user> from <ip> port <num> ssh2"},
      {"Connection closed by authenticating user support 198.51.100.3 port 50228 [preauth]",
          "Connection closed by authenticating user <user> <ip> port <num> [preauth]"},
      {"pam_unix(sshd:session): session opened for user alice(uid=1001) by (uid=0)",
          "pam_unix(sshd:session): session opened for user <user>(uid=<num>) by (uid=<num>)"},
      {"Received disconnect from 192.0.2.10 port 51514:11: disconnected by user",
          "Received disconnect from <ip> port <num>:<num>: disconnected by user"},
      {"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= "
          + "rhost=203.0.113.5  user=root",
          "pam_unix(sshd:auth): authentication failure; logname= uid=<num> euid=<num> tty=ssh "
              + "ruser= rhost=<ip>  user=<user>"},
      {"alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl reload nginx",
          "<user> : TTY=pts/<num> ; PWD=<path> ; USER=<user> ; COMMAND=<path> reload nginx"},
      {"pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1001)",
          "pam_unix(sudo:session): session opened for user <user>(uid=<num>) by "
              + "<user>(uid=<num>)"},
      {"(root) CMD (cd / && run-parts --report /etc/cron.hourly)",
          "(<user>) CMD (cd / && run-parts --report <path>)"},
      {"(CRON) info (No MTA installed, discarding output)",
          "(CRON) info (No MTA installed, discarding output)"},
      {"pam_unix(cron:session): session closed for user root",
          "pam_unix(cron:session): session closed for user <user>"},
      {"New session 412 of user alice.", "New session <num> of user <user>."},
      {"Started Session 42 of User j.doe-.", "Started Session <num> of User <user>-."},
      {"[1-1] user=shop,db=shop,app=shop-api,client=10.0.2.5 LOG:  duration: 1523.112 ms",
          "[<num>-<num>] user=<user>,db=shop,app=shop-api,client=<ip> LOG:  duration: <num> ms"},
      {"the superuser root logged in", "the superuser root logged in"},
  };

  /** Corners of the rules, with their templates. */
  static final String[][] EDGES = {
      {"1.2.3.4.5", "<num>"},
      {"256.1.1.1", "<num>"},
      {"01.2.3.4", "<num>"},
      {"1.2.3.4:8080", "<ip>:<num>"},
      {"192.0.2.0/24", "<ip>/<num>"},
      {"[2001:db8::1]:443", "[<ip>]:<num>"},
      {"2001:db8::1.", "<ip>."},
      {"fe80::", "<ip>"},
      {"1::2::3", "<num>::<num>::<num>"},
      {"1:2:3:4:5:6:7:8", "<ip>"},
      {"1:2:3:4:5:6:7", "<num>:<num>:<num>:<num>:<num>:<num>:<num>"},
      {"00:1a:2b:3c:4d:5e", "<mac>"},
      {"00:1a:2b:3c:4e", "<num>:<hex>:<hex>:<hex>:<hex>"},
      {"at 10:15:02.5, again at 10:15:02", "at <time>, again at <time>"},
      {"2026-11-24", "<date>"},
      {"2026-11-24T10:15:02Z", "<time>"},
      {"2026-11-24T10:15:02+0100x", "<time>+0100x"},
      {"1.2.3ms", "<num>.<duration>"},
      {"8.2302.0", "<num>"},
      {"3.", "<num>."},
      {"-5", "-<num>"},
      {"0x1F 0X00ff 0xZZ", "<hex> <hex> 0xZZ"},
      {"deadbeef12 12deadbeef abcdef1 ED25519 e1000e C081D ab12 1f",
          "<hex> <hex> <hex> <hex> <hex> <hex> ab12 <hex>"},
      {"x-mail.example.com mail1.example.com a.b.c1", "<host> <host> a.b.c1"},
      {"mx.example.org. next", "<host>. next"},
      {"Mail.Example.com", "Mail.Example.com"},
      {"12.5GB 1B 5d 10m 3h", "<size> <size> <duration> <duration> <duration>"},
      {"key=aGVsbG8gd29ybGQgMTIzNDU2Nzg5== end", "key=<id> end"},
      {"request \"GET /a?b=\\\"c\\\" HTTP/1.1\" done", "request \"<str>\" done"},
      {"file /etc/hosts: and (/tmp/x.), /", "file <path>: and (<path>.), /"},
      {"ftp://x.example.com/a;b", "<url>;b"},
  };

  @Test
  void daemonMessagesGiveTheHandWrittenTemplates() {
    assertTable(new TemplateMasker(false), MESSAGES);
  }

  @Test
  void userNamesAreMaskedOnlyWhenAsked() {
    assertTable(new TemplateMasker(true), USERS);
    // the default keeps them: every message of the table changes without the option, but the
    // four without a user name
    TemplateMasker keep = new TemplateMasker(false);
    long unchanged = Arrays.stream(USERS).filter(u -> keep.mask(u[0]).equals(u[1])).count();
    assertThat(unchanged).isEqualTo(4);
  }

  @Test
  void variantsOfOneMessageShareTheirTemplate() {
    TemplateMasker m = new TemplateMasker(false);
    List<String> templates = new ArrayList<>();
    for (String ip : new String[] {"1.2.3.4", "203.0.113.254", "2001:db8::1", "::1",
        "2001:db8:0:0:1:0:0:1", "::ffff:192.0.2.1"}) {
      for (int port : new int[] {22, 65535}) {
        templates.add(m.mask("Failed password for root from " + ip + " port " + port + " ssh2"));
      }
    }
    assertThat(templates).containsOnly("Failed password for root from <ip> port <num> ssh2");
  }

  @Test
  void thingsThatOnlyLookLikeValuesStay() {
    TemplateMasker m = new TemplateMasker(false);
    for (String kept : new String[] {"eth0 ssh2 x86_64 sda1 IPv6 ab12 SHA256 md5",
        "server example.com is nginx.service", "can't open user's file",
        "std::vector com.example.shop.cart.CartService.add", "deadbeef cafe face",
        "the quick brown fox", "a / b", "pts/x and  two  spaces\tand a tab", "2nd 1st",
        "\"unclosed quote", "open 'unclosed", "HOST.EXAMPLE.COM"}) {
      assertThat(m.mask(kept)).as(kept).isEqualTo(kept);
    }
  }

  @Test
  void edgesOfAddressesNumbersAndTimes() {
    assertTable(new TemplateMasker(false), EDGES);
  }

  @Test
  void masksAWindowOfALargerBufferAndReusesItsOwn() {
    TemplateMasker m = new TemplateMasker(false);
    byte[] line = "xxFailed password for root from 1.2.3.4 port 22 ssh2yy"
        .getBytes(StandardCharsets.UTF_8);
    m.mask(line, 2, line.length - 4);
    assertThat(new String(m.bytes(), 0, m.length(), StandardCharsets.UTF_8))
        .isEqualTo("Failed password for root from <ip> port <num> ssh2");
    // preceded by a word byte outside the window: still the start of a token
    byte[] glued = "a12 b".getBytes(StandardCharsets.UTF_8);
    m.mask(glued, 1, 4);
    assertThat(new String(m.bytes(), 0, m.length(), StandardCharsets.UTF_8))
        .isEqualTo("<num> b");
    // a template longer than the buffer's first size, then a short one
    String longMessage = "1 ".repeat(500);
    assertThat(m.mask(longMessage)).isEqualTo("<num> ".repeat(500));
    assertThat(m.mask("7")).isEqualTo("<num>");
    // bytes that are not UTF-8 are copied
    byte[] latin1 = {'Z', (byte) 0xFC, 'r', 'i', 'c', 'h', ' ', '4', '2'};
    m.mask(latin1, 0, latin1.length);
    assertThat(Arrays.copyOf(m.bytes(), m.length())).isEqualTo(
        new byte[] {'Z', (byte) 0xFC, 'r', 'i', 'c', 'h', ' ', '<', 'n', 'u', 'm', '>'});
  }

  private static void assertTable(TemplateMasker m, String[][] table) {
    SoftAssertions soft = new SoftAssertions();
    for (String[] row : table) {
      soft.assertThat(m.mask(row[0])).as(row[0]).isEqualTo(row[1]);
    }
    soft.assertAll();
  }
}
