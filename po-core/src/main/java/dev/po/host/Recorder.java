package dev.po.host;

/**
 * How a host reports, in the middle of a change, that its half is done and the registry may record
 * it: a pin moved, a project made. It writes the registry of the po that asked, or throws; a host
 * that hears a throw puts its half back as it was.
 */
@FunctionalInterface
public interface Recorder {
  /** Records {@code location} (for a create: the project's folder as it is to be written; for an update: unused). */
  void record(String location);
}
