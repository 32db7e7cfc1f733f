package dev.po.local;

import java.nio.file.Path;

/**
 * A separate program for {@link ProjectLockTest}: holds a project as another po command would,
 * says so on stdout, and lets go when its stdin closes (or when it is killed).
 */
public final class ProjectLockMain {
  private ProjectLockMain() {}

  public static void main(String[] args) throws Exception {
    try (ProjectLock held = ProjectLock.take(args[0], Path.of(args[1]), "update " + args[0] + " v9")) {
      System.out.println("held");
      System.out.flush();
      System.in.read();
    }
  }
}
