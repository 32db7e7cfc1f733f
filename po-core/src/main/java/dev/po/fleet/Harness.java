package dev.po.fleet;

import java.util.List;
import java.util.Objects;

/**
 * A harness declared in {@code [harnesses.NAME]}: the git repository projects pin at {@code engine/}
 * and the argv that runs it from a project root.
 *
 * @param name the table name; a valid {@linkplain Names name}
 * @param url the harness repository as written: a git URL, an scp-like {@code host:path}, an
 *     absolute path, {@code ~/...}, or a path relative to fleet.toml's folder; resolve it with
 *     {@link Fleet#harnessUrl(Harness)}
 * @param launcher argv run in the project root, {@link #DEFAULT_LAUNCHER} when not written
 */
public record Harness(String name, String url, List<String> launcher) {
  /** The launcher used when a harness names none. */
  public static final List<String> DEFAULT_LAUNCHER = List.of("engine/agents");

  public Harness {
    Names.check("harness", name);
    Objects.requireNonNull(url, "url");
    if (url.isBlank()) {
      throw new InvalidValueException("harness " + name + ": url must not be blank");
    }
    launcher = List.copyOf(launcher == null ? DEFAULT_LAUNCHER : launcher);
    if (launcher.isEmpty()) {
      throw new InvalidValueException("harness " + name + ": launcher must not be empty");
    }
  }

  public Harness(String name, String url) {
    this(name, url, DEFAULT_LAUNCHER);
  }

  /**
   * Whether the url is a remote address as written: a URL ({@code scheme://...}) or an scp-like
   * {@code host:path}; anything else is a path. The one classifier of harness urls.
   */
  public boolean isAddress() {
    return isAddress(url);
  }

  /**
   * Whether the url can mean the same on another host: an address, an absolute path or {@code
   * ~/...}; a relative path is relative to fleet.toml's folder, here.
   */
  public boolean meansTheSameElsewhere() {
    return isAddress(url) || url.startsWith("/") || url.equals("~") || url.startsWith("~/");
  }

  static boolean isAddress(String url) {
    int colon = url.indexOf(':');
    int slash = url.indexOf('/');
    return url.contains("://") || (colon > 0 && (slash < 0 || colon < slash));
  }
}
