package org.colony.jobs.gen;

import java.nio.charset.StandardCharsets;

/**
 * What the generated shop serves and who asks: products and categories with Zipf popularity, the
 * static files of its pages, user agents (browsers, search engine crawlers, tools), referrers and
 * client addresses. Built from the seed alone, so that every split of a run sees the same shop.
 */
final class GenCatalog {
  static final byte[] HOST = ascii("https://shop.example.com");

  /** Products, by popularity rank; a product's id is {@code productIds[rank]}. */
  final int[] productIds;
  final double[] productPopularity;
  final byte[][] categories;
  final double[] categoryPopularity;
  /** Product ids taken off the shop: still asked for, answered 404. */
  final int[] deletedProducts;
  private final long seed;

  static final byte[][] STATIC = {
      ascii("/static/app.3f9c2a17.js"), ascii("/static/vendor.8b1e44d0.js"),
      ascii("/static/style.css"), ascii("/static/fonts/inter-var.woff2"), ascii("/favicon.ico")};
  static final int[] STATIC_BYTES = {148_213, 402_554, 38_417, 71_920, 15_086};
  static final byte[][] EXTRA_PAGES = {ascii("/cart"), ascii("/account"), ascii("/about"),
      ascii("/contact"), ascii("/shipping"), ascii("/returns"), ascii("/privacy"),
      ascii("/imprint")};
  static final String[] SEARCH_TERMS = {"boots", "winter jacket", "wool scarf", "gloves",
      "rain jacket", "backpack", "beanie", "sneakers", "gift card", "socks", "leather bag",
      "parka", "kids boots", "hiking", "sale", "running shoes", "down vest", "umbrella"};
  static final String[][] PROBES = { // method, target, status
      {"GET", "/wp-login.php", "404"}, {"GET", "/.env", "404"}, {"GET", "/.git/config", "403"},
      {"POST", "/xmlrpc.php", "404"}, {"GET", "/wp-admin/setup-config.php", "404"},
      {"GET", "/phpmyadmin/index.php", "404"}, {"GET", "/admin/.env", "404"},
      {"GET", "/config.json", "404"}, {"GET", "/server-status", "403"},
      {"GET", "/.aws/credentials", "404"},
      {"POST", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "404"},
      {"GET", "/cgi-bin/luci/;stok=/locale?form=country&operation=write&country=$(id)", "404"},
      {"GET", "/wp-content/plugins/hello.php", "404"}, {"GET", "/.DS_Store", "404"},
      {"GET", "/backup.zip", "404"}, {"GET", "/?XDEBUG_SESSION_START=phpstorm", "200"}};

  /** Browsers, as logged (quotes escaped), with their share of human visitors. */
  static final byte[][] BROWSERS = {
      ascii("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          + "Chrome/143.0.0.0 Safari/537.36"),
      ascii("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
          + "Chrome/143.0.0.0 Mobile Safari/537.36"),
      ascii("Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
          + "like Gecko) Version/26.1 Mobile/15E148 Safari/604.1"),
      ascii("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
          + "Gecko) Chrome/143.0.0.0 Safari/537.36"),
      ascii("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like "
          + "Gecko) Version/26.1 Safari/605.1.15"),
      ascii("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:146.0) Gecko/20100101 Firefox/146.0"),
      ascii("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          + "Chrome/143.0.0.0 Safari/537.36 Edg/143.0.0.0"),
      ascii("Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like "
          + "Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36"),
      ascii("Mozilla/5.0 (X11; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0"),
      ascii("Mozilla/5.0 (Android 15; Mobile; rv:146.0) Gecko/146.0 Firefox/146.0"),
      ascii("Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
          + "Gecko) Version/26.1 Mobile/15E148 Safari/604.1"),
      ascii("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          + "Chrome/139.0.0.0 Safari/537.36")};
  static final double[] BROWSER_SHARE = GenRandom.cumulative(22, 16, 18, 7, 6, 6, 8, 5, 2, 2, 3,
      2);
  static final boolean[] BROWSER_MOBILE = {false, true, true, false, false, false, false, true,
      false, true, true, false};

  /** Search engine crawlers: agent and the address prefix its requests come from. */
  static final byte[][] CRAWLERS = {
      ascii("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
      ascii("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, "
          + "like Gecko) Chrome/143.0.7499.40 Mobile Safari/537.36 (compatible; Googlebot/2.1; "
          + "+http://www.google.com/bot.html)"),
      ascii("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"),
      ascii("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)"),
      ascii("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"),
      ascii("Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)"),
      ascii("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like "
          + "Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; "
          + "+http://www.apple.com/go/applebot)")};
  static final String[] CRAWLER_PREFIX = {"66.249.66", "66.249.79", "157.55.39", "5.255.231",
      "54.36.148", "185.191.171", "17.241.219"};
  static final double[] CRAWLER_SHARE = GenRandom.cumulative(20, 25, 15, 5, 12, 10, 5);

  /** Tools and scanners; one agent has quotes in it, escaped as Apache logs them. */
  static final byte[][] TOOLS = {ascii("curl/8.11.1"), ascii("python-requests/2.32.3"),
      ascii("Go-http-client/1.1"), ascii("Mozilla/5.0 zgrab/0.x"),
      ascii("Mozilla/5.0 (compatible; Foo \\\"Bar\\\" 1.0)"), null};
  static final byte[] HEALTH_AGENT = ascii("ELB-HealthChecker/2.0");

  static final byte[][] SEARCH_ENGINES = {ascii("https://www.google.com/"),
      ascii("https://www.google.de/"), ascii("https://www.bing.com/"),
      ascii("https://duckduckgo.com/"), ascii("https://www.ecosia.org/"),
      ascii("https://search.yahoo.com/")};
  static final double[] SEARCH_ENGINE_SHARE = GenRandom.cumulative(60, 20, 8, 6, 4, 2);
  static final String[][] SOCIAL = {{"https://www.facebook.com/", "facebook"},
      {"https://l.instagram.com/", "instagram"}, {"https://www.reddit.com/r/frugal/", "reddit"},
      {"https://www.pinterest.com/", "pinterest"}, {"https://t.co/", "twitter"}};
  static final byte[][] LINKING_SITES = {
      ascii("https://www.example.org/blog/best-winter-boots-2026"),
      ascii("https://forum.example.com/t/where-to-buy-wool-scarves/1187"),
      ascii("https://www.idealo.de/"), ascii("android-app://com.google.android.gm/")};
  static final String[] USERS = {"alice", "bob", "chen", "dmitri", "emma", "farid", "greta",
      "hiro", "ines", "jonas", "kofi", "lena"};

  /** Public IPv4 /8s of large access networks, and IPv6 /32s, that clients come from. */
  private static final int[] IPV4_FIRST = {2, 5, 31, 37, 46, 62, 77, 79, 80, 81, 82, 83, 84, 85,
      86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109, 176, 178, 185, 188, 193, 194, 195, 212, 213,
      217, 24, 47, 67, 68, 71, 73, 98, 99, 108, 174};
  private static final String[] IPV6_PREFIX = {"2a02:810d", "2a01:c22", "2003:e5", "2a02:3100",
      "2a00:20", "2600:1700", "2601:640", "2a01:e0a", "2409:8a00"};

  GenCatalog(long seed, int products) {
    this.seed = seed;
    GenRandom r = new GenRandom(GenRandom.derive(seed, -1));
    productIds = new int[products];
    for (int i = 0; i < products; i++) {
      productIds[i] = 10_000 + i;
    }
    for (int i = products - 1; i > 0; i--) { // popularity order: a shuffle of the ids
      int j = r.nextInt(i + 1);
      int t = productIds[i];
      productIds[i] = productIds[j];
      productIds[j] = t;
    }
    productPopularity = GenRandom.zipf(products, 1.07);
    String[] names = {"shoes", "jackets", "bags", "hats", "scarves", "gloves", "socks", "sale",
        "new-arrivals", "accessories", "kids", "outdoor", "running", "hiking", "rainwear",
        "knitwear", "boots", "sneakers", "belts", "wallets", "umbrellas", "sunglasses", "jewelry",
        "watches", "home", "gifts", "women", "men", "unisex", "outlet"};
    categories = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      categories[i] = ascii("/category/" + names[(i * 7 + (int) (seed & 0xF)) % names.length]);
    }
    categoryPopularity = GenRandom.zipf(names.length, 0.9);
    deletedProducts = new int[Math.max(1, products / 200)];
    for (int i = 0; i < deletedProducts.length; i++) {
      deletedProducts[i] = 10_000 + products + i; // ids that no longer exist
    }
  }

  int product(GenRandom r) {
    return productIds[r.pick(productPopularity)];
  }

  byte[] category(GenRandom r) {
    return categories[r.pick(categoryPopularity)];
  }

  /** The stable size of a product's image. */
  int imageBytes(int product) {
    return 18_000 + (int) ((GenRandom.mix(seed ^ product * 31L) >>> 1) % 172_000);
  }

  /** A page's size: stable per page, a little noise per response. */
  int pageBytes(long pageHash, GenRandom r) {
    return 9_000 + (int) ((GenRandom.mix(seed ^ pageHash) >>> 1) % 30_000) + r.between(-400, 400);
  }

  /** A random public client address, IPv6 with probability {@code v6}. */
  byte[] clientAddress(GenRandom r, double v6) {
    StringBuilder sb = new StringBuilder(40);
    if (r.chance(v6)) {
      sb.append(IPV6_PREFIX[r.nextInt(IPV6_PREFIX.length)]);
      sb.append(':').append(Integer.toHexString(r.nextInt(0x10000)));
      sb.append(':').append(Integer.toHexString(r.nextInt(0x10000)));
      if (r.chance(0.3)) {
        sb.append("::").append(Integer.toHexString(1 + r.nextInt(0xFF)));
      } else {
        for (int i = 0; i < 4; i++) {
          sb.append(':').append(Integer.toHexString(r.nextInt(0x10000)));
        }
      }
    } else {
      sb.append(IPV4_FIRST[r.nextInt(IPV4_FIRST.length)]).append('.').append(r.nextInt(256))
          .append('.').append(r.nextInt(256)).append('.').append(1 + r.nextInt(254));
    }
    return ascii(sb.toString());
  }

  /** An address of a crawler's published range. */
  static byte[] crawlerAddress(int crawler, GenRandom r) {
    return ascii(CRAWLER_PREFIX[crawler] + "." + (1 + r.nextInt(254)));
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
