package dev.po.project;

import java.util.Objects;

/**
 * One line of an agent's log, without its line ending.
 *
 * @param agent the agent whose terminal printed it
 * @param text the line as the terminal printed it (escape sequences included)
 */
public record LogLine(String agent, String text) {
  public LogLine {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(text, "text");
  }
}
