package dev.mmcheck.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * {@code mmcheck --jobs N a.jpf b.jpf ...}: runs up to N configs at once, each on its own
 * platform thread (each search still runs its model threads one at a time on virtual threads;
 * the carriers were raised to N by {@link VirtualThreads}). A run prints into its own buffers;
 * {@link #submit} returns a supplier that waits for the run and then copies its stdout and
 * stderr to the real streams, so the caller, taking the suppliers in the files' order, prints
 * exactly what the sequential command prints, in the same order. Searches share nothing but
 * the catalogs (read-only after construction) and the interrupt control.
 */
final class ConcurrentRuns implements AutoCloseable {
  /** A run that prints to the streams it is given. */
  interface Run<T> extends BiFunction<PrintStream, PrintStream, T> {}

  private final ExecutorService pool;

  ConcurrentRuns(int jobs) {
    this.pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "mmcheck-job");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts {@code run}; the supplier waits for it, prints its output to {@code env}'s streams and returns its result. */
  <T> Supplier<T> submit(Run<T> run, Env env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Future<T> f = pool.submit(() -> {
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        return run.apply(o, e);
      }
    });
    return () -> {
      try {
        T result = f.get();
        print(env, out, err);
        return result;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a config", e);
      } catch (ExecutionException e) {
        print(env, out, err); // what the run printed before it failed, as the sequential command shows it
        if (e.getCause() instanceof Error er) {
          throw er; // as the sequential command would see it (a search turns its own out of memory into a model error)
        }
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    };
  }

  private static void print(Env env, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    env.err().print(err.toString(StandardCharsets.UTF_8));
    env.err().flush();
    env.out().print(out.toString(StandardCharsets.UTF_8));
    env.out().flush();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
