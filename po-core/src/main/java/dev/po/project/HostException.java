package dev.po.project;

import dev.po.PoException;

/** Another host could not do what was asked: unreachable, missing a tool, or its po failed. */
public final class HostException extends PoException {
  private static final long serialVersionUID = 1L;

  private final String host;

  public HostException(String host, String why) {
    super("host " + host + ": " + why);
    this.host = host;
  }

  /** The host's name in the registry. */
  public String host() {
    return host;
  }
}
