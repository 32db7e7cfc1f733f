package dev.po.fleet;

import java.nio.file.Path;

/** A separate program for {@link HomeTest}: prints where {@code ~/x} resolves under its environment. */
public final class HomeMain {
  private HomeMain() {}

  public static void main(String[] args) {
    System.out.println(Fleet.empty(Path.of("/")).resolve("~/x"));
  }
}
