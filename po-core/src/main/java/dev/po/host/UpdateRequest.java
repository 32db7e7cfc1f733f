package dev.po.host;

import java.util.Objects;

/**
 * An update as a host carries it out: move the target's engine pin to {@code ref} (checked), report
 * through {@code recorder} before it is final, and restart the harness when asked and it ran.
 */
public record UpdateRequest(Target target, String ref, boolean restart, Recorder recorder) {
  public UpdateRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(recorder, "recorder");
  }
}
