package org.colony.jobs.gen;

import java.util.ArrayDeque;

/**
 * One visit to the generated shop: a person browsing (pages, then the static files and images
 * each page pulls in, carts, searches, checkouts), a search engine crawler, a vulnerability
 * scanner, a scraper of the search API, or the load balancer's health check. A session yields its
 * hits a step at a time; the generator merges the hits of all open sessions in time order.
 */
final class GenSession {
  enum Kind { HUMAN, CRAWLER, SCANNER, SCRAPER, HEALTH }

  /** Who sends the requests. */
  static final class Visitor {
    final byte[] client;
    final byte[] agent;
    final boolean mobile;
    /** The user name the visitor logs in with at checkout, or null (a guest). */
    final byte[] user;
    /** Whether the browser has the shop's static files cached. */
    final boolean cached;

    Visitor(byte[] client, byte[] agent, boolean mobile, byte[] user, boolean cached) {
      this.client = client;
      this.agent = agent;
      this.mobile = mobile;
      this.user = user;
      this.cached = cached;
    }
  }

  /** One request as it will be logged. */
  static final class Hit {
    final int time;
    final byte[] method;
    final byte[] target;
    final int status;
    /** Response bytes, or -1 for none (logged '-'). */
    final int bytes;
    final byte[] referrer;
    final byte[] user;

    Hit(int time, byte[] method, byte[] target, int status, int bytes, byte[] referrer,
        byte[] user) {
      this.time = time;
      this.method = method;
      this.target = target;
      this.status = status;
      this.bytes = bytes;
      this.referrer = referrer;
      this.user = user;
    }
  }

  static final byte[] GET = GenCatalog.ascii("GET");
  static final byte[] POST = GenCatalog.ascii("POST");
  static final byte[] HEAD = GenCatalog.ascii("HEAD");
  private static final byte[] ROOT = GenCatalog.ascii("/");
  private static final byte[] CART = GenCatalog.ascii("/cart");
  private static final byte[] API_CART = GenCatalog.ascii("/api/cart");
  private static final byte[] CHECKOUT = GenCatalog.ascii("/checkout");
  private static final byte[] LOGIN = GenCatalog.ascii("/login");
  private static final byte[] LOGIN_NEXT = GenCatalog.ascii("/login?next=/checkout");
  private static final byte[] ROBOTS = GenCatalog.ascii("/robots.txt");
  private static final byte[] HEALTH = GenCatalog.ascii("/health");
  private static final byte[] UNDEFINED = GenCatalog.ascii("/products/undefined");

  final Kind kind;
  final Visitor visitor;
  /** Whether this is a visitor's return visit (not a new arrival). */
  final boolean returning;
  final long sequence;
  private final ArrayDeque<Hit> pending = new ArrayDeque<>();
  private final AccessLogGenerator gen;
  private final GenRandom r;
  private final GenCatalog cat;
  /** Steps left (pages of a person, requests of a crawler or scraper). */
  private int left;
  private int pages;
  private int cart;
  private byte[] target;
  private byte[] referrer;
  private int interval;
  long bytes;

  GenSession(AccessLogGenerator gen, Kind kind, Visitor visitor, boolean returning, long sequence,
      int start) {
    this.gen = gen;
    this.r = gen.random();
    this.cat = gen.catalog();
    this.kind = kind;
    this.visitor = visitor;
    this.returning = returning;
    this.sequence = sequence;
    switch (kind) {
      case HUMAN -> entry(start);
      case CRAWLER -> {
        left = 10 + (int) r.exponential(60);
        add(start, GET, ROBOTS, 200, 312, null);
      }
      case SCANNER -> probes(start);
      case SCRAPER -> {
        left = 20 + r.nextInt(60);
        interval = 20 + r.nextInt(left);
        scrape(start);
      }
      case HEALTH -> {
        interval = gen.healthInterval();
        add(start, GET, HEALTH, 200, 15, null);
      }
      default -> throw new IllegalStateException();
    }
  }

  /** The time of the next hit; only while {@link #hasNext}. */
  int nextTime() {
    return pending.peekFirst().time;
  }

  boolean hasNext() {
    return !pending.isEmpty();
  }

  /** Takes the next hit, planning the session's next step when this one is done. */
  Hit next() {
    Hit h = pending.pollFirst();
    if (pending.isEmpty()) {
      step(h.time);
    }
    return h;
  }

  private void step(int t) {
    switch (kind) {
      case HUMAN -> afterPage(t);
      case CRAWLER -> {
        if (left-- > 0) {
          crawl(t + 1 + (int) r.exponential(25));
        }
      }
      case SCRAPER -> {
        if (left-- > 0) {
          scrape(t + r.nextInt(2));
        }
      }
      case HEALTH -> add(t + interval, GET, HEALTH, 200, 15, null);
      default -> { } // a scanner's probes come in one step
    }
  }

  private void add(int time, byte[] method, byte[] target, int status, int bytes,
      byte[] referrer) {
    pending.addLast(new Hit(time, method, target, status, bytes, referrer, null));
  }

  // -- people ---------------------------------------------------------------------------------

  private void entry(int t) {
    double x = r.nextDouble();
    byte[] ref = null;
    String tgt;
    if (x < 0.42) { // typed, bookmarked, an app
      tgt = r.chance(0.7) ? "/" : "/products/" + cat.product(r);
    } else if (x < 0.77) { // search engines
      ref = GenCatalog.SEARCH_ENGINES[r.pick(GenCatalog.SEARCH_ENGINE_SHARE)];
      double y = r.nextDouble();
      tgt = y < 0.55 ? "/products/" + cat.product(r)
          : y < 0.85 ? new String(cat.category(r), java.nio.charset.StandardCharsets.US_ASCII)
          : y < 0.93 ? "/products/" + cat.deletedProducts[r.nextInt(cat.deletedProducts.length)]
          : "/";
    } else if (x < 0.88) { // social
      String[] s = GenCatalog.SOCIAL[r.nextInt(GenCatalog.SOCIAL.length)];
      String site = s[0];
      if (s[1].equals("twitter")) {
        site += Long.toString(r.nextLong() >>> 14, 36);
      }
      ref = GenCatalog.ascii(site);
      tgt = "/products/" + cat.product(r) + "?utm_source=" + s[1] + "&utm_medium=social";
    } else if (x < 0.94) { // the newsletter, opened in a mail app
      ref = visitor.mobile ? GenCatalog.LINKING_SITES[3] : null;
      tgt = "/category/sale?utm_source=newsletter&utm_campaign=bf-2026";
    } else {
      ref = GenCatalog.LINKING_SITES[r.nextInt(3)];
      tgt = "/products/" + cat.product(r);
    }
    left = 1 + (int) r.exponential(5);
    page(t, GenCatalog.ascii(tgt), ref);
  }

  /** A page and what the browser fetches for it. */
  private void page(int t, byte[] tgt, byte[] ref) {
    target = tgt;
    referrer = ref;
    pages++;
    int status = 200;
    int len = pathLength(tgt);
    boolean product = startsWith(tgt, "/products/");
    if (len > 1 && tgt[len - 1] == '/') {
      status = 301;
    } else if (product && (matches(tgt, UNDEFINED) || isDeleted(tgt, len))) {
      status = 404;
    } else if (gen.down(t)) {
      status = gen.outageStatus();
    } else if (r.chance(0.002)) {
      status = 500;
    }
    int size = status == 200 ? cat.pageBytes(hash(tgt, len), r) : gen.errorBytes(status);
    pending.addLast(new Hit(t, GET, tgt, status, size, ref, null));
    if (status == 301) {
      target = java.util.Arrays.copyOf(tgt, len - 1);
      pending.addLast(new Hit(++t, GET, target, 200, cat.pageBytes(hash(target,
          target.length), r), ref, null));
    } else if (status != 200) {
      return;
    }
    byte[] pageUrl = concat(GenCatalog.HOST, target);
    t += r.nextInt(2);
    if (pages == 1 && !visitor.cached) {
      for (int i = 0; i < 3; i++) {
        add(t, GET, GenCatalog.STATIC[i], 200, GenCatalog.STATIC_BYTES[i], pageUrl);
      }
      t += r.nextInt(2);
      add(t, GET, GenCatalog.STATIC[3], 200, GenCatalog.STATIC_BYTES[3],
          concat(GenCatalog.HOST, GenCatalog.STATIC[2]));
      if (r.chance(0.8)) {
        add(t, GET, GenCatalog.STATIC[4], 200, GenCatalog.STATIC_BYTES[4], pageUrl);
      }
    } else if (pages == 1) {
      add(t, GET, GenCatalog.STATIC[2], 304, -1, pageUrl);
    }
    int images = product ? 1 : startsWith(target, "/category/") ? 1 + r.nextInt(3)
        : len == 1 ? 3 : 0;
    for (int i = 0; i < images; i++) {
      int id = product && !isDeleted(target, pathLength(target)) ? productId(target)
          : cat.product(r);
      t += r.nextInt(2);
      byte[] img = GenCatalog.ascii("/images/" + id + ".jpg");
      if (visitor.cached && r.chance(0.5)) {
        add(t, GET, img, 304, -1, pageUrl);
      } else {
        add(t, GET, img, 200, cat.imageBytes(id), pageUrl);
      }
    }
  }

  /** What a person does after a page: leave, add to the cart, check out, search, browse on. */
  private void afterPage(int t) {
    if (--left < 0 || r.chance(pages == 1 ? 0.3 : 0.25)) {
      gen.maybeReturn(this, t);
      return;
    }
    byte[] pageUrl = concat(GenCatalog.HOST, target);
    if (startsWith(target, "/products/") && r.chance(0.28)) {
      t += r.between(5, 40);
      int status = gen.down(t) ? gen.outageStatus() : 200;
      add(t, POST, API_CART, status, status == 200 ? r.between(180, 650)
          : gen.errorBytes(status), pageUrl);
      cart++;
      if (r.chance(0.5)) {
        t += r.between(1, 4);
        add(t, GET, API_CART, status, status == 200 ? r.between(300, 1400)
            : gen.errorBytes(status), pageUrl);
      }
    }
    if (cart > 0 && r.chance(0.35)) {
      checkout(t + r.between(20, 200), pageUrl);
      left = 0;
      return;
    }
    if (r.chance(0.10)) {
      search(t + r.between(3, 30), pageUrl);
      return;
    }
    page(t + 3 + (int) r.exponential(45), nextPage(), pageUrl);
  }

  private byte[] nextPage() {
    double x = r.nextDouble();
    if (pathLength(target) == 1) {
      return x < 0.45 ? cat.category(r) : x < 0.9
          ? GenCatalog.ascii("/products/" + cat.product(r) + "?ref=home")
          : GenCatalog.EXTRA_PAGES[r.nextInt(GenCatalog.EXTRA_PAGES.length)];
    }
    if (startsWith(target, "/category/")) {
      return x < 0.7 ? GenCatalog.ascii("/products/" + cat.product(r))
          : x < 0.8 ? concat(java.util.Arrays.copyOf(target, pathLength(target)),
              GenCatalog.ascii("?page=" + r.between(2, 6)))
          : x < 0.9 ? cat.category(r) : ROOT;
    }
    if (startsWith(target, "/products/")) {
      return x < 0.5 ? GenCatalog.ascii("/products/" + cat.product(r))
          : x < 0.7 ? cat.category(r) : x < 0.8 ? ROOT : x < 0.83 ? UNDEFINED
          : x < 0.85 ? concat(java.util.Arrays.copyOf(target, pathLength(target)), ROOT)
          : x < 0.9 ? CART : GenCatalog.EXTRA_PAGES[r.nextInt(GenCatalog.EXTRA_PAGES.length)];
    }
    return x < 0.5 ? GenCatalog.ascii("/products/" + cat.product(r)) : ROOT;
  }

  /** Autocomplete calls while typing, then the results page. */
  private void search(int t, byte[] pageUrl) {
    String term = GenCatalog.SEARCH_TERMS[r.nextInt(GenCatalog.SEARCH_TERMS.length)];
    int last = 0;
    for (int k = 2; k <= 6 && last < term.length(); k += 2) {
      last = Math.min(term.length(), k);
      t += r.between(1, 3);
      byte[] q = GenCatalog.ascii("/api/search?q=" + term.substring(0, last).replace(" ", "%20"));
      int status = gen.down(t) ? gen.outageStatus() : r.chance(0.01) ? 500 : 200;
      add(t, GET, q, status, status == 200 ? r.between(1_800, 12_000) : gen.errorBytes(status),
          pageUrl);
    }
    page(t + r.between(2, 6), GenCatalog.ascii("/search?q=" + term.replace(' ', '+')), pageUrl);
  }

  private void checkout(int t, byte[] ref) {
    add(t, GET, CART, 200, cat.pageBytes(7, r), ref);
    byte[] cartUrl = concat(GenCatalog.HOST, CART);
    t += r.between(5, 60);
    add(t, GET, CHECKOUT, 302, -1, cartUrl);
    add(++t, GET, LOGIN_NEXT, 200, cat.pageBytes(11, r), cartUrl);
    if (visitor.user == null) {
      return; // a guest: asked to log in, gives up
    }
    byte[] loginUrl = concat(GenCatalog.HOST, LOGIN_NEXT);
    t += r.between(8, 40);
    if (r.chance(0.2)) { // a mistyped password: the form again
      add(t, POST, LOGIN, 200, cat.pageBytes(11, r), loginUrl);
      t += r.between(8, 30);
    }
    add(t, POST, LOGIN, 302, -1, loginUrl);
    t++;
    int status = gen.down(t) ? gen.outageStatus() : 200;
    pending.addLast(new Hit(t, GET, CHECKOUT, status, status == 200 ? cat.pageBytes(13, r)
        : gen.errorBytes(status), loginUrl, visitor.user));
    if (status == 200 && r.chance(0.8)) {
      t += r.between(30, 240);
      pending.addLast(new Hit(t, POST, CHECKOUT, 200, r.between(7_000, 9_500),
          concat(GenCatalog.HOST, CHECKOUT), visitor.user));
    }
  }

  // -- machines -------------------------------------------------------------------------------

  private void crawl(int t) {
    double x = r.nextDouble();
    byte[] tgt;
    if (x < 0.55) {
      tgt = GenCatalog.ascii("/products/" + cat.product(r));
    } else if (x < 0.75) {
      tgt = r.chance(0.3) ? concat(cat.category(r), GenCatalog.ascii("?page=" + r.between(2, 5)))
          : cat.category(r);
    } else if (x < 0.9) {
      int id = cat.product(r);
      add(t, GET, GenCatalog.ascii("/images/" + id + ".jpg"), 200, cat.imageBytes(id), null);
      return;
    } else if (x < 0.95) {
      tgt = GenCatalog.EXTRA_PAGES[2 + r.nextInt(GenCatalog.EXTRA_PAGES.length - 2)];
    } else {
      tgt = GenCatalog.ascii("/products/"
          + cat.deletedProducts[r.nextInt(cat.deletedProducts.length)]);
    }
    int len = pathLength(tgt);
    if (isDeleted(tgt, len)) {
      add(t, GET, tgt, 404, gen.errorBytes(404), null);
    } else if (r.chance(0.15)) {
      add(t, GET, tgt, 304, -1, null);
    } else {
      add(t, GET, tgt, 200, cat.pageBytes(hash(tgt, len), r), null);
    }
  }

  private void probes(int t) {
    int n = 5 + r.nextInt(10);
    int first = r.nextInt(GenCatalog.PROBES.length);
    for (int i = 0; i < n; i++) {
      String[] p = GenCatalog.PROBES[(first + i * 5) % GenCatalog.PROBES.length];
      int status = Integer.parseInt(p[2]);
      t += r.nextInt(3);
      add(t, p[0].equals("POST") ? POST : GET, GenCatalog.ascii(p[1]), status,
          status == 200 ? cat.pageBytes(1, r) : gen.errorBytes(status), null);
    }
  }

  private void scrape(int t) {
    int i = pages++;
    String term = GenCatalog.SEARCH_TERMS[i % GenCatalog.SEARCH_TERMS.length].replace(' ', '+');
    byte[] tgt = GenCatalog.ascii("/api/search?q=" + term + "&page="
        + (1 + i / GenCatalog.SEARCH_TERMS.length) + "&sort=price");
    if (i < interval) {
      add(t, GET, tgt, 200, r.between(1_800, 12_000), null);
    } else {
      add(t, GET, tgt, 429, gen.errorBytes(429), null);
    }
  }

  // -- bytes ----------------------------------------------------------------------------------

  private boolean isDeleted(byte[] tgt, int len) {
    if (!startsWith(tgt, "/products/")) {
      return false;
    }
    int id = productId(tgt);
    return id >= cat.deletedProducts[0] && id <= cat.deletedProducts[cat.deletedProducts.length
        - 1];
  }

  /** The number after /products/, or -1. */
  private static int productId(byte[] tgt) {
    int v = 0;
    int i = 10;
    for (; i < tgt.length && tgt[i] >= '0' && tgt[i] <= '9'; i++) {
      v = v * 10 + tgt[i] - '0';
    }
    return i == 10 ? -1 : v;
  }

  /** The length of the path part (before any '?'). */
  static int pathLength(byte[] tgt) {
    for (int i = 0; i < tgt.length; i++) {
      if (tgt[i] == '?') {
        return i;
      }
    }
    return tgt.length;
  }

  private static boolean startsWith(byte[] b, String prefix) {
    if (b.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (b[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(byte[] a, byte[] b) {
    return java.util.Arrays.equals(a, b);
  }

  private static long hash(byte[] b, int len) {
    long h = 1125899906842597L;
    for (int i = 0; i < len; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
