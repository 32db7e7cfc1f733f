package dev.po.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Work on several items at once, keeping their order: {@link #map} on a small pool (reading
 * hundreds of repositories is mostly waiting for the disk, so a few threads beat one even on two
 * cores), {@link #atOnce} one thread each (hosts: few, and a pool would queue them behind dead
 * ones).
 */
public final class Parallel {
  private Parallel() {}

  /** {@code f} applied to each of {@code items} on a few threads, in order; a failure is thrown as it was. */
  public static <T, R> List<R> map(List<T> items, Function<T, R> f) {
    if (items.size() < 2) {
      return items.stream().map(f).toList();
    }
    int threads = Math.min(items.size(), Math.max(2, Math.min(8, 2 * Runtime.getRuntime().availableProcessors())));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "po-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(pool.submit(() -> f.apply(item)));
      }
      List<R> out = new ArrayList<>(items.size());
      for (Future<R> future : futures) {
        out.add(future.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // asked to stop: a refusal to go on, not a bug
      throw new dev.po.PoException("interrupted while reading repositories", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * {@code work} applied to each of {@code groups}, every one on its own thread at once, in order.
   * A failure of one is thrown once all have ended.
   */
  public static <G, R> List<R> atOnce(List<G> groups, Function<G, R> work) {
    if (groups.size() < 2) {
      return groups.stream().map(work).toList();
    }
    List<R> out = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    for (int i = 0; i < groups.size(); i++) {
      out.add(null);
      int at = i;
      Thread t = new Thread(() -> {
        try {
          R r = work.apply(groups.get(at));
          synchronized (out) {
            out.set(at, r);
          }
        } catch (RuntimeException | Error e) {
          synchronized (out) {
            if (failure[0] == null) {
              failure[0] = e;
            }
          }
        }
      }, "po-host");
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.forEach(Thread::interrupt);
      throw new dev.po.PoException("interrupted while waiting for hosts", e);
    }
    synchronized (out) {
      if (failure[0] instanceof RuntimeException e) {
        throw e;
      } else if (failure[0] instanceof Error e) {
        throw e;
      }
      return new ArrayList<>(out);
    }
  }
}
