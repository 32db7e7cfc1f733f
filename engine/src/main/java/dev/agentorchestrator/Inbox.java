package dev.agentorchestrator;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * The watchdog's doorbell: inotify over {@code .ao-state/inbox}, where tmux's pane-died hook and
 * {@code up} leave notes, and the timed wait of the watchdog's backstop.
 *
 * <p>The watchdog runs interpreted and wakes every second for weeks, so what a wake-up runs is paid
 * millions of times. Waiting in {@link WatchService#poll(long, java.util.concurrent.TimeUnit)} runs
 * a blocking queue's lock and condition in Java at every wake-up, nearly doubling its cost; a
 * monitor's wait is native. So a thread of its own takes the inotify events, which are rare, and
 * rings; the watchdog waits on the monitor.
 */
final class Inbox implements AutoCloseable {

  private final WatchService watcher;
  private final Object bell = new Object();
  /** Whether a note arrived since the last {@link #await}; guarded by {@link #bell}. */
  private boolean rung;

  /** Watches {@code dir} for new and changed files. */
  Inbox(Path dir) throws IOException {
    watcher = FileSystems.getDefault().newWatchService();
    try {
      dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    } catch (IOException | RuntimeException e) {
      watcher.close();
      throw e;
    }
    Thread listener = new Thread(this::listen, "inbox");
    listener.setDaemon(true);
    listener.start();
  }

  private void listen() {
    try {
      boolean valid = true;
      while (valid) {
        WatchKey key = watcher.take();
        key.pollEvents();
        // false once the folder is gone; the watchdog's own checks find out why
        valid = key.reset();
        ring();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: the watchdog is ending
    }
  }

  /** Rings as a note would: for what learns of a death inside the watchdog ({@link Lifelines}). */
  void ring() {
    synchronized (bell) {
      rung = true;
      bell.notifyAll();
    }
  }

  /**
   * Waits until a note arrives or {@code millis} pass, and tells whether a note arrived since the
   * last call (one that came while the watchdog was busy rings at once).
   */
  boolean await(long millis) throws InterruptedException {
    synchronized (bell) {
      if (!rung) {
        bell.wait(millis);
      }
      boolean note = rung;
      rung = false;
      return note;
    }
  }

  @Override
  public void close() throws IOException {
    watcher.close();
  }
}
