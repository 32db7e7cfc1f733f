package dev.po.fleet;

import java.util.regex.Pattern;

/**
 * Project and harness names: {@code [a-z0-9][a-z0-9_-]{0,62}}. They become folder names and tmux
 * session names, so nothing else is allowed.
 */
public final class Names {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

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

  /** The message for an invalid name, shared by {@link #check} and registry validation. */
  static String invalid(String kind, String name) {
    return "invalid " + kind + " name '" + name + "': use 1-63 of a-z 0-9 _ -, starting with a letter or digit";
  }
}
