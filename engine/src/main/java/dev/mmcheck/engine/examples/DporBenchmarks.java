package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic benchmark programs of the DPOR literature, with their known numbers of
 * Mazurkiewicz traces (an optimal reduction runs exactly that many executions):
 *
 * <table>
 *   <caption>programs and traces</caption>
 *   <tr><th>program</th><th>source</th><th>traces</th></tr>
 *   <tr><td>{@link #readers readers(n)}</td><td>one writer, n readers of one variable</td><td>2^n</td></tr>
 *   <tr><td>{@link #writersAndReader writersAndReader(n)}</td><td>n writers and one reader of one
 *       variable</td><td>(n+1)!</td></tr>
 *   <tr><td>{@link #lastzero lastzero(n)}</td><td>Abdulla et al., JACM 2017, Fig. 7: a reader scans an
 *       array for its last zero while n writers fill it</td><td>2, 5, 12, 28 for n = 1..4</td></tr>
 *   <tr><td>{@link #indexer indexer(n)}</td><td>Flanagan and Godefroid, POPL 2005: n threads insert into
 *       a hash table with compare-and-swap</td><td>1 up to n = 11; 64 at 13, 512 at 14</td></tr>
 *   <tr><td>{@link #filesystem filesystem(n)}</td><td>Flanagan and Godefroid, POPL 2005: n threads
 *       allocate inodes and disk blocks under locks</td><td>1 up to n = 13; 2^(n-13) after</td></tr>
 * </table>
 */
public final class DporBenchmarks {
  private DporBenchmarks() {}

  /** One writer of {@code x} and {@code n} readers: each reader before or after the write. */
  public static Scenario readers(int n) {
    return w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("writer", () -> x.set(1));
      for (int i = 0; i < n; i++) {
        w.thread("reader" + i, x::get);
      }
    };
  }

  /** {@code n} writers and one reader of {@code x}. */
  public static Scenario writersAndReader(int n) {
    return w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      for (int i = 0; i < n; i++) {
        int v = i + 1;
        w.thread("writer" + i, () -> x.set(v));
      }
      w.thread("reader", x::get);
    };
  }

  /**
   * lastzero(n): {@code array[0..n]} is zero; thread 0 looks for the last zero
   * ({@code for (i = n; array[i] != 0; i--)}); thread j = 1..n does
   * {@code array[j] = array[j-1] + 1}.
   */
  public static Scenario lastzero(int n) {
    return w -> {
      List<Cell<Integer>> a = new ArrayList<>();
      for (int i = 0; i <= n; i++) {
        a.add(new Cell<>("array[" + i + "]", 0));
      }
      w.thread("reader", () -> {
        for (int i = n; a.get(i).get() != 0; i--) {
          // scanning
        }
      });
      for (int j = 1; j <= n; j++) {
        int k = j;
        w.thread("writer" + j, () -> a.get(k).set(a.get(k - 1).get() + 1));
      }
    };
  }

  private static final int INDEXER_SIZE = 128;
  private static final int INDEXER_MAX = 4;

  /**
   * indexer(n): each thread inserts four values {@code w = m * 11 + tid} into a 128-entry hash
   * table at {@code h = w * 7 mod 128}, probing linearly with compare-and-swap until it finds a
   * free slot. Collisions (and so more than one trace) begin at 12 threads.
   */
  public static Scenario indexer(int n) {
    return w -> {
      List<Cell<Integer>> table = new ArrayList<>();
      for (int i = 0; i < INDEXER_SIZE; i++) {
        table.add(new Cell<>("table[" + i + "]", 0));
      }
      for (int t = 0; t < n; t++) {
        int tid = t;
        w.thread("t" + t, () -> {
          for (int m = 1; m <= INDEXER_MAX; m++) {
            int val = m * 11 + tid;
            int h = (val * 7) % INDEXER_SIZE;
            while (!table.get(h).compareAndSet(0, val)) {
              h = (h + 1) % INDEXER_SIZE;
            }
          }
        });
      }
    };
  }

  private static final int FS_INODES = 32;
  private static final int FS_BLOCKS = 26;

  /**
   * filesystem(n): thread i locks inode i; if it has no block, it looks for a free block from
   * {@code (2i) mod 26}, locking each candidate, marks it busy and records it. Threads i and
   * i + 13 start at the same block: for n &gt; 13 each such pair gives two traces.
   */
  public static Scenario filesystem(int n) {
    return w -> {
      List<Mutex> locki = new ArrayList<>();
      List<Cell<Integer>> inode = new ArrayList<>();
      for (int i = 0; i < FS_INODES; i++) {
        locki.add(new Mutex("locki[" + i + "]", "locki"));
        inode.add(new Cell<>("inode[" + i + "]", 0));
      }
      List<Mutex> lockb = new ArrayList<>();
      List<Cell<Boolean>> busy = new ArrayList<>();
      for (int b = 0; b < FS_BLOCKS; b++) {
        lockb.add(new Mutex("lockb[" + b + "]", "lockb"));
        busy.add(new Cell<>("busy[" + b + "]", false));
      }
      for (int t = 0; t < n; t++) {
        int i = t % FS_INODES;
        w.thread("t" + t, () -> {
          locki.get(i).lock();
          if (inode.get(i).get() == 0) {
            int b = (i * 2) % FS_BLOCKS;
            while (true) {
              lockb.get(b).lock();
              if (!busy.get(b).get()) {
                busy.get(b).set(true);
                inode.get(i).set(b + 1);
                lockb.get(b).unlock();
                break;
              }
              lockb.get(b).unlock();
              b = (b + 1) % FS_BLOCKS;
            }
          }
          locki.get(i).unlock();
        });
      }
    };
  }
}
