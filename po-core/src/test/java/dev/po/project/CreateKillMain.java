package dev.po.project;

import dev.po.Po;
import java.io.Writer;
import java.nio.file.Path;

/**
 * A separate program for {@link CreateRecoveryTest}: a real {@code po create NAME --ref v0.1.0
 * --location DIR --register} that says "filling" on stdout at its first progress and then stalls
 * there, marker held, until it is killed.
 */
public final class CreateKillMain {
  private CreateKillMain() {}

  public static void main(String[] args) {
    Writer stall = new Writer() {
      @Override
      public void write(char[] text, int offset, int length) {
        System.out.println("filling");
        System.out.flush();
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Po.open(Path.of(args[0])).create(args[1]).setRef("v0.1.0").setLocation(Path.of(args[2])).setRegister(true)
        .setProgress(stall).call();
  }
}
