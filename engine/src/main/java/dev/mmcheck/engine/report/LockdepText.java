package dev.mmcheck.engine.report;

import dev.mmcheck.engine.LockCycle;
import java.util.List;

/**
 * A lock-order violation ({@link LockCycle}) printed the way lockdep prints it, so that kernel
 * developers read it at a glance (kernel/locking/lockdep.c {@code print_circular_bug()},
 * {@code print_circular_lock_scenario()}, {@code print_deadlock_bug()} and
 * {@code lockdep_print_held_locks()}; Documentation/locking/lockdep-design.rst):
 *
 * <pre>
 * ======================================================
 * WARNING: possible circular locking dependency detected
 * ------------------------------------------------------
 * t2 is trying to acquire lock:
 *  (A), at: Abba.java:18 (Abba.lambda$setup$1)
 *
 * but task is already holding lock:
 *  (B), at: Abba.java:17 (Abba.lambda$setup$1)
 *
 * which lock already depends on the new lock.
 *
 *
 * the existing dependency chain (in reverse order) is:
 *
 * -&gt; #1 (B):
 *        Abba.java:13 (Abba.lambda$setup$0)
 *        [t1 held A while acquiring B, execution 1]
 *
 * -&gt; #0 (A):
 *        Abba.java:18 (Abba.lambda$setup$1)
 *        [t2 held B while acquiring A, execution 2]
 *
 * other info that might help us debug this:
 *
 *  Possible unsafe locking scenario:
 *
 *        CPU0                    CPU1
 *        ----                    ----
 *   lock(B);
 *                                lock(A);
 *                                lock(B);
 *   lock(A);
 *
 *  *** DEADLOCK ***
 *
 * 1 lock held by t2:
 *  #0: (B), at: Abba.java:17 (Abba.lambda$setup$1)
 * </pre>
 *
 * As in lockdep, {@code #0} is the acquisition being made and {@code #n} the oldest dependency;
 * each entry's stack is where that class was acquired while the previous entry's class was held
 * (lockdep's {@code lock_list} trace). Where lockdep prints code addresses this prints model
 * source locations, and each entry says which thread made the dependency in which execution
 * (the graph spans every execution of the search). A lock is shown as {@code (class)}, followed
 * by the instance when its name is not just the class ({@code (mmap_sem) mm.mmap_sem(r)}).
 * For a chain of more than two classes, "Chain exists of:" comes first and the scenario shows
 * only the last dependency, exactly as lockdep. Pure.
 */
public final class LockdepText {
  private static final String COLUMN = " ".repeat(31);

  private LockdepText() {}

  /** The splat, lines ending with a newline. */
  public static String render(LockCycle c) {
    StringBuilder sb = new StringBuilder();
    LockCycle.Dependency closing = c.chain().get(0);
    String title = c.recursive() ? "WARNING: possible recursive locking detected"
        : "WARNING: possible circular locking dependency detected";
    sb.append("=".repeat(title.length())).append('\n').append(title).append('\n')
        .append("-".repeat(title.length())).append('\n');
    sb.append(c.thread()).append(" is trying to acquire lock:\n");
    sb.append(' ').append(lock(closing.taken())).append('\n');
    sb.append("\nbut task is already holding lock:\n");
    sb.append(' ').append(lock(closing.held())).append('\n');
    sb.append('\n');
    if (c.recursive()) {
      sb.append("other info that might help us debug this:\n");
      sb.append(" Possible unsafe locking scenario:\n\n");
      sb.append("       CPU0\n       ----\n");
      sb.append("  lock(").append(closing.from()).append(");\n");
      sb.append("  lock(").append(closing.to()).append(");\n");
      sb.append("\n *** DEADLOCK ***\n\n");
      sb.append(" May be due to missing lock nesting notation\n\n");
    } else {
      sb.append("which lock already depends on the new lock.\n\n");
      sb.append("\nthe existing dependency chain (in reverse order) is:\n");
      List<LockCycle.Dependency> chain = c.chain();
      for (int j = chain.size() - 1; j >= 0; j--) {
        LockCycle.Dependency d = chain.get(j);
        sb.append("\n-> #").append(j).append(" (").append(d.to()).append("):\n");
        stack(sb, d.taken().stack());
        sb.append("       [").append(d.thread()).append(" held ").append(d.held().instance())
            .append(" while acquiring ").append(d.taken().instance()).append(", execution ").append(d.execution())
            .append("]\n");
      }
      sb.append("\nother info that might help us debug this:\n\n");
      String source = closing.to();
      String target = closing.from();
      String parent = chain.get(chain.size() - 1).from();
      if (!parent.equals(source)) {
        sb.append("Chain exists of:\n  ").append(source).append(" --> ").append(parent).append(" --> ")
            .append(target).append("\n\n");
      }
      sb.append(" Possible unsafe locking scenario:\n\n");
      sb.append("       CPU0                    CPU1\n");
      sb.append("       ----                    ----\n");
      sb.append("  lock(").append(target).append(");\n");
      sb.append(COLUMN).append("lock(").append(parent).append(");\n");
      sb.append(COLUMN).append("lock(").append(target).append(");\n");
      sb.append("  lock(").append(source).append(");\n");
      sb.append("\n *** DEADLOCK ***\n\n");
      sb.append(" CPU0: ").append(c.thread()).append(" (this acquisition); CPU1: ")
          .append(chain.get(chain.size() - 1).thread()).append(" (the dependency ").append(parent).append(" -> ")
          .append(target).append(", execution ").append(chain.get(chain.size() - 1).execution()).append(")\n\n");
    }
    int n = c.held().size();
    sb.append(n == 0 ? "no locks" : n == 1 ? "1 lock" : n + " locks").append(" held by ").append(c.thread())
        .append(n == 0 ? ".\n" : ":\n");
    for (int i = 0; i < n; i++) {
      sb.append(" #").append(i).append(": ").append(lock(c.held().get(i))).append('\n');
    }
    return sb.toString();
  }

  /** {@code (class) instance, at: File.java:N (Class.method)}. */
  private static String lock(LockCycle.Acquisition a) {
    String s = "(" + a.lockClass() + ")";
    if (!a.instance().equals(a.lockClass())) {
      s += " " + a.instance();
    }
    return s + ", at: " + (a.stack().isEmpty() ? "?" : frame(a.stack().get(0)));
  }

  private static void stack(StringBuilder sb, List<StackTraceElement> stack) {
    if (stack.isEmpty()) {
      sb.append("       ?\n");
    }
    for (StackTraceElement f : stack) {
      sb.append("       ").append(frame(f)).append('\n');
    }
  }

  /** {@code File.java:42 (Class.method)}, as traces show model locations. */
  static String frame(StackTraceElement f) {
    String cls = f.getClassName();
    cls = cls.substring(cls.lastIndexOf('.') + 1);
    return f.getFileName() + ":" + f.getLineNumber() + " (" + cls + "." + f.getMethodName() + ")";
  }
}
