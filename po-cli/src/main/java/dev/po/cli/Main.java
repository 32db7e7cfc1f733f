package dev.po.cli;

/** The {@code po} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("po");
  }
}
