package dev.po.fleet;

/**
 * The optional {@code [defaults]} table.
 *
 * @param projectsDir where new projects go, as written (absolute, relative to fleet.toml's folder,
 *     or {@code ~/...}); {@code null} when not written
 * @param harness the harness a project uses when it names none; {@code null} when not written
 */
public record Defaults(String projectsDir, String harness) {
  /** No defaults at all. */
  public static final Defaults NONE = new Defaults(null, null);

  public Defaults {
    if (harness != null) {
      Names.check("harness", harness);
    }
  }
}
