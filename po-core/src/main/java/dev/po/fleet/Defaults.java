package dev.po.fleet;

/**
 * The optional {@code [defaults]} table.
 *
 * @param projectsDir where new projects go, as written (absolute, relative to fleet.toml's folder,
 *     or {@code ~/...}); {@code null} when not written
 * @param harness the harness a project uses when it names none; {@code null} when not written
 * @param connectTimeout seconds ssh may take to reach another host; {@code null} when not written
 *     ({@link #DEFAULT_CONNECT_TIMEOUT})
 */
public record Defaults(String projectsDir, String harness, Integer connectTimeout) {
  /** No defaults at all. */
  public static final Defaults NONE = new Defaults(null, null, null);

  /** Seconds ssh may take to reach a host when {@code connect_timeout} is not written. */
  public static final int DEFAULT_CONNECT_TIMEOUT = 10;

  public Defaults {
    if (harness != null) {
      Names.check("harness", harness);
    }
    if (connectTimeout != null && (connectTimeout < 1 || connectTimeout > 3600)) {
      throw new InvalidValueException("connect_timeout (" + connectTimeout + ") must be 1 to 3600 seconds");
    }
  }

  public Defaults(String projectsDir, String harness) {
    this(projectsDir, harness, null);
  }

  /** The connect timeout in seconds, written or default. */
  public int connectTimeoutSeconds() {
    return connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
  }
}
