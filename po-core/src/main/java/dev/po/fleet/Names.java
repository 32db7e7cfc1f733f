package dev.po.fleet;

import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Project and harness names: {@code [a-z0-9][a-z0-9_-]{0,62}}. They become folder names and tmux
 * session names, so nothing else is allowed.
 */
public final class Names {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  /** HEAD, FETCH_HEAD, ORIG_HEAD...: names git reads as a repository's state before any branch. */
  private static final Pattern STATE_REF = Pattern.compile("[A-Z_]*HEAD");

  private Names() {}

  /** Whether {@code name} is a valid project or harness name. */
  public static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** Returns {@code name}, or throws an {@link InvalidValueException} naming the rule when it is not valid. */
  public static String check(String kind, String name) {
    if (!isValid(name)) {
      throw new InvalidValueException(invalid(kind, name));
    }
    return name;
  }

  /**
   * Whether {@code ref} can be a registry ref: a tag, a branch or a commit id, written as its short
   * name. It must be a name git accepts for a branch ({@code git check-ref-format --branch}: no
   * {@code ..}, {@code ~}, {@code ^}, {@code :}, {@code ?}, {@code *}, {@code [}, {@code \},
   * blanks or control characters, no {@code @{}, no leading {@code -} or trailing {@code .lock});
   * {@code HEAD} and the other {@code *_HEAD} names of a repository's state are refused. So an
   * expression ({@code main~1}, {@code v1^{}}) never reaches the registry, and a ref never
   * becomes a path outside {@code refs/}. Whether it names anything is for the harness to say.
   */
  public static boolean isValidRef(String ref) {
    return ref != null
        && !ref.startsWith("-")
        && !ref.equals("@")
        && !STATE_REF.matcher(ref).matches()
        && Repository.isValidRefName(Constants.R_HEADS + ref);
  }

  /** Returns {@code ref}, or throws an {@link InvalidValueException} saying what a ref may be. */
  public static String checkRef(String ref) {
    if (!isValidRef(ref)) {
      throw new InvalidValueException(invalidRef(ref));
    }
    return ref;
  }

  /** The message for an invalid ref, shared by {@link #checkRef} and registry validation. */
  public static String invalidRef(String ref) {
    return "invalid ref '" + ref + "': a ref is a tag, a branch or a commit id (not HEAD, and no ~ ^ : .. or spaces)";
  }

  /** The message for an invalid name, shared by {@link #check} and registry validation. */
  static String invalid(String kind, String name) {
    return "invalid " + kind + " name '" + name + "': use 1-63 of a-z 0-9 _ -, starting with a letter or digit";
  }
}
