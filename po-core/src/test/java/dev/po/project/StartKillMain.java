package dev.po.project;

import dev.po.Po;
import java.nio.file.Path;

/** A separate program for {@link RemoteKillTest}: {@code po start NAME} on the registry ARGS[0], to be killed. */
public final class StartKillMain {
  private StartKillMain() {}

  public static void main(String[] args) {
    Po.open(Path.of(args[0])).project(args[1]).start();
  }
}
