package dev.po.project;

/** A handle on one registered project: start, stop, inspect and update it. */
public final class Project {
  private Project() {}
}
