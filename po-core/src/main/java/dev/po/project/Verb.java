package dev.po.project;

/** What a launch does to a project: start it (the launcher's {@code up}) or stop it ({@code down}). */
public enum Verb {
  START("start", "up", "started"),
  STOP("stop", "down", "stopped");

  private final String word;
  private final String launcherVerb;
  private final String done;

  Verb(String word, String launcherVerb, String done) {
    this.word = word;
    this.launcherVerb = launcherVerb;
    this.done = done;
  }

  /** {@code start} or {@code stop}, as po's commands and summaries say it. */
  public String word() {
    return word;
  }

  /** The harness launcher's verb: {@code up} or {@code down}. */
  public String launcherVerb() {
    return launcherVerb;
  }

  /** {@code started} or {@code stopped}. */
  public String done() {
    return done;
  }

  /** The verb whose {@link #word()} is {@code word}. */
  public static Verb ofWord(String word) {
    for (Verb v : values()) {
      if (v.word.equals(word)) {
        return v;
      }
    }
    throw new IllegalArgumentException("no verb '" + word + "'");
  }
}
