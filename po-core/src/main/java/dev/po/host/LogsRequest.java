package dev.po.host;

import java.util.Objects;

/** A read of agents' logs: one agent's ({@code agent}) or every agent's ({@code null}), so many last lines. */
public record LogsRequest(Target target, String agent, int lines) {
  public LogsRequest {
    Objects.requireNonNull(target, "target");
    if (lines < 0) {
      throw new IllegalArgumentException("lines (" + lines + ") must not be negative");
    }
  }
}
