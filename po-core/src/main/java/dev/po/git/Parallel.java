package dev.po.git;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps a list on a few threads, keeping its order. Reading hundreds of repositories is mostly
 * waiting for the disk, so a small pool beats one thread even on two cores.
 */
public final class Parallel {
  private Parallel() {}

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
}
