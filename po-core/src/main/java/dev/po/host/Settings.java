package dev.po.host;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What every launcher run of one po shares: the variables it adds to the environment it inherits,
 * and how long a launcher may run.
 */
public record Settings(Map<String, String> environment, Duration timeout) {
  public Settings {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
    }
  }
}
