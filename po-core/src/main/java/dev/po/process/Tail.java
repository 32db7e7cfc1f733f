package dev.po.process;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code cap} bytes written to it. A launcher that loops or a build that prints
 * megabytes must not grow our memory; the end of the output is where the error usually is.
 */
final class Tail extends OutputStream {
  private final byte[] ring;
  private long written;

  Tail(int cap) {
    if (cap <= 0) {
      throw new IllegalArgumentException("cap (" + cap + ") must be positive");
    }
    this.ring = new byte[cap];
  }

  @Override
  public synchronized void write(int b) {
    ring[(int) (written % ring.length)] = (byte) b;
    written++;
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    for (int i = 0; i < len; i++) {
      write(b[off + i]);
    }
  }

  /** The kept bytes as text, prefixed with a marker when earlier output was dropped. */
  synchronized String text() {
    int n = (int) Math.min(written, ring.length);
    byte[] out = new byte[n];
    int start = (int) ((written - n) % ring.length);
    for (int i = 0; i < n; i++) {
      out[i] = ring[(start + i) % ring.length];
    }
    String s = new String(out, StandardCharsets.UTF_8);
    return written > ring.length ? "[... " + (written - n) + " bytes dropped]\n" + s : s;
  }
}
