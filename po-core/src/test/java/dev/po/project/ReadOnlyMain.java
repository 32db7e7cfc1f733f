package dev.po.project;

import dev.po.Po;
import java.nio.file.Path;

/** A tiny separate program for {@link NoChildProcessTest}: status and validate of one fleet, printed. */
public final class ReadOnlyMain {
  private ReadOnlyMain() {}

  public static void main(String[] args) {
    Po po = Po.open(Path.of(args[0]));
    po.status().forEach(s -> System.out.println(s.name() + " " + s.pinName() + " drift=" + s.drift()));
    po.registry().validate().forEach(System.out::println);
  }
}
