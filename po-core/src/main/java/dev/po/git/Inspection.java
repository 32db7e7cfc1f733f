package dev.po.git;

import java.nio.file.Path;

/**
 * What a project location holds, as far as the registry cares.
 *
 * @param root the project location
 * @param kind how sound it is
 * @param pin the full commit of the {@code engine} gitlink in HEAD, or {@code null}
 * @param engineGitDir the engine submodule's own repository, or {@code null} when not initialised
 */
public record Inspection(Path root, Kind kind, String pin, Path engineGitDir) {
  /** How sound a project location is, from worst to best. */
  public enum Kind {
    MISSING,
    NOT_A_REPOSITORY,
    NO_ENGINE,
    SOUND
  }

  /** Why the location is not sound, in words; {@code null} when it is. */
  public String problem() {
    return switch (kind) {
      case MISSING -> "location " + root + " does not exist";
      case NOT_A_REPOSITORY -> root + " is not a git repository";
      case NO_ENGINE -> root + " has no engine submodule";
      case SOUND -> null;
    };
  }

  public boolean exists() {
    return kind != Kind.MISSING;
  }
}
