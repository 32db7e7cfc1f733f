package dev.po.wire;

import java.util.Locale;

/** What a request asks of the po on another host. */
public enum Op {
  STATUS, START, STOP, HARNESS, LOGS, FOLLOW, CHECK, UPDATE, CREATE, ATTACH;

  /** The word on the wire. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Op ofWord(String word) {
    try {
      return valueOf(word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new dev.po.PoException("unknown operation '" + word + "'");
    }
  }
}
