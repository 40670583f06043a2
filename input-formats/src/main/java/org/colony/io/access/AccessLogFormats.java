package org.colony.io.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The access log formats a reader can be told to expect: {@code auto} (the hand-written
 * {@link AccessLogParser}, which recognises every preset line by line, forwarded-for chains
 * included), a preset name, or a format string as written in the web server's configuration,
 * compiled once into a {@link CompiledLogFormat}.
 *
 * <p>Which directive becomes which record field:
 * <ul>
 *   <li>bytes: the body bytes ({@code %b}, {@code %B}, {@code $body_bytes_sent}); {@code %O} or
 *       {@code $bytes_sent} (with headers) only when the format has no body count; {@code %I},
 *       {@code %S} never.
 *   <li>responseMicros: {@code %D} (microseconds), {@code %T} (seconds; {@code %{ms}T},
 *       {@code %{us}T}), {@code $request_time} (seconds.millis); only when the format has none of
 *       them, {@code $upstream_response_time}, whose list of tries ({@code 0.5, 0.2 : 0.1}) is
 *       summed, being the time the request spent on upstreams, '-' entries adding nothing.
 *   <li>client list: the X-Forwarded-For field's entries ({@code %{X-Forwarded-For}i},
 *       {@code $http_x_forwarded_for}), then the connecting address ({@code %h}, {@code %a},
 *       {@code $remote_addr}); the effective client is the first public address of that chain,
 *       as with auto.
 *   <li>vhost: {@code %v}, {@code %V}, {@code $host}, {@code $server_name}, with the port when
 *       {@code :%p} follows it ({@code www.example.com:443}, as auto reads vhost_combined).
 *   <li>Other known directives and unknown request headers ({@code %{X-Foo}i},
 *       {@code $http_x_foo}, {@code $cookie_*}, ...) are read and not kept; a field logged twice
 *       keeps its first value.
 * </ul>
 */
public final class AccessLogFormats {
  private AccessLogFormats() {}

  /** The default: the hand-written parser that recognises each preset per line. */
  public static final String AUTO = "auto";

  private static final Map<String, String> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put("common", "%h %l %u %t \"%r\" %>s %b");
    PRESETS.put("combined", "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"");
    PRESETS.put("vhost_combined",
        "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"");
    PRESETS.put("nginx", "$remote_addr - $remote_user [$time_local] \"$request\" $status "
        + "$body_bytes_sent \"$http_referer\" \"$http_user_agent\"");
  }

  /** The preset names and their format strings, in the order the documentation lists them. */
  public static Map<String, String> presets() {
    return Collections.unmodifiableMap(PRESETS);
  }

  /** The format string of a preset (any case), or null if {@code name} is none. */
  public static String preset(String name) {
    return PRESETS.get(name.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * A new parser for {@code format}: {@code auto}, a preset name, or a format string.
   *
   * @throws IllegalArgumentException if the format string does not compile (the message names
   *     the directive and its position)
   */
  public static AccessLineParser parser(String format) {
    String f = format == null ? AUTO : format.trim();
    if (f.isEmpty() || f.equalsIgnoreCase(AUTO)) {
      return new AccessLogParser();
    }
    String preset = preset(f);
    return CompiledLogFormat.compile(preset != null ? preset : format);
  }

  /** A short description for logs: the name, and the format string it stands for. */
  public static String describe(String format) {
    String f = format == null ? AUTO : format.trim();
    if (f.isEmpty() || f.equalsIgnoreCase(AUTO)) {
      return AUTO + " (common, combined, vhost_combined and nginx recognised per line)";
    }
    String preset = preset(f);
    return preset != null ? f + " (" + preset + ")" : f;
  }
}
