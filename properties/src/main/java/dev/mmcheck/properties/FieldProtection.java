package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Param;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Vma6;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * field-protection: every read and write of a VMA field or PTE of the 6.x model happens under
 * the locks the era's "which lock protects what" table requires ({@link FieldRules}: the rules
 * are data, not code). Checked at every access event; a rule for a VMA field applies while the
 * VMA is in its mm's tree (an unpublished VMA, being set up or torn down, is the writer's own);
 * PTE rules always apply, with the VMA atoms referring to the VMA the tree maps at that address.
 * One execution of a path is enough to find a violation (no race needed), like
 * {@code documented-lock-order}.
 *
 * <p>Extending it without Java: {@code field-protection.rules = vm_policy write: mmap(w) & vma(w);
 * pte read: ptl} adds rules (separated by {@code ;}) that win over the built-in ones for the same
 * field and access; {@code field-protection.table = none} starts from an empty table
 * ({@code auto}, the default, picks the table of the era of the objects accessed; {@code 6.1},
 * {@code 6.4}, {@code 6.15} force one). From Java: subclass and pass a {@link FieldRules}
 * ({@link #FieldProtection(FieldRules, boolean)}), then name the subclass in
 * {@code search.properties}.
 *
 * <p>Not thread-safe (callbacks never run concurrently); per-execution state: none.
 */
public class FieldProtection implements Property, ObjectListener {
  private final FieldRules extra;
  private final boolean builtins;
  private final String forcedEra;
  private final Map<String, FieldRules> byEra = new HashMap<>();

  /** The built-in tables of every era, nothing extra. */
  public FieldProtection() {
    this("auto", "");
  }

  /**
   * From a config: {@code table} is {@code auto}, {@code none} or an era; {@code rules} extra
   * rules in the {@link FieldRules} text format. Bad rules: {@link IllegalArgumentException}
   * naming the key and the rule.
   */
  public FieldProtection(
      @Param(value = "table", description = "built-in table: auto (the era of the objects), 6.1, 6.4, 6.15 or none",
          defaultValue = "auto", choices = {"auto", "6.1", "6.4", "6.15", "none"}) String table,
      @Param(value = "rules", description = "extra rules '<fields> <access>: <locks>' separated by ';'"
          + " (they win over the built-in ones)", defaultValue = "") String rules) {
    this.extra = FieldRules.parse(rules, "field-protection.rules");
    this.builtins = !table.equals("none");
    this.forcedEra = table.equals("auto") || table.equals("none") ? null : table;
    if (forcedEra != null) {
      FieldRules.builtin(forcedEra);
    }
  }

  /** For subclasses: {@code rules} on top of the built-in tables (or alone, if {@code withBuiltins} is false). */
  protected FieldProtection(FieldRules rules, boolean withBuiltins) {
    this.extra = rules;
    this.builtins = withBuiltins;
    this.forcedEra = null;
  }

  @Override
  public String name() {
    return "field-protection";
  }

  @Override
  public String description() {
    return "VMA fields and PTEs are read and written only under the locks of the era's table (process_addrs.rst)";
  }

  private FieldRules table(String era) {
    return byEra.computeIfAbsent(forcedEra != null ? forcedEra : era,
        e -> (builtins ? FieldRules.builtin(e) : FieldRules.NONE).plus(extra));
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    boolean write = event.kind() == EventKind.WRITE;
    if (!write && event.kind() != EventKind.READ) {
      return;
    }
    String field = field(event.object());
    Vma6 vma;
    Mm6 mm;
    if (object instanceof Vma6 v) {
      vma = v;
      mm = v.vmMm.peek();
      if (mm == null || !mm.mt.peekContains(v)) {
        return;
      }
    } else if (object instanceof Mm6 m && field.equals("pte")) {
      mm = m;
      vma = m.mt.peekAt(index(event.object()));
    } else {
      return;
    }
    FieldRule rule = table(mm.k.era.id()).find(field, write, event.value());
    if (rule == null) {
      return;
    }
    ThreadRef t = event.thread();
    List<Held> held = ctx.heldBy(t);
    Vma6 fv = vma;
    Mm6 fm = mm;
    if (!rule.requires().eval(atom -> atom(ctx, t, held, atom, fv, fm))) {
      ctx.report(this, t + " did " + event.describe() + " in " + MmLocks.function(ctx) + " holding " + held
          + (vma == null ? "" : " (" + vma.name() + (V6Locks.vmaReadLocked(ctx, t, vma) ? " read-locked" : "")
              + (V6Locks.vmaWriteLocked(ctx, t, vma, mm) ? " write-locked" : "") + ")")
          + "; " + mm.k.era.id() + " requires " + rule.requires() + " (rule '" + rule.text() + "')");
    }
  }

  private static boolean atom(ExecutionContext ctx, ThreadRef t, List<Held> held, String atom, Vma6 v, Mm6 mm) {
    return switch (atom) {
      case "mmap(r)" -> V6Locks.holds(held, mm.mmapLock, LockMode.SHARED);
      case "mmap(w)" -> V6Locks.holds(held, mm.mmapLock, LockMode.WRITE);
      case "mmap(any)" -> V6Locks.holds(held, mm.mmapLock, null);
      case "vma(r)" -> V6Locks.vmaReadLocked(ctx, t, v);
      case "vma(w)" -> V6Locks.vmaWriteLocked(ctx, t, v, mm);
      case "ptl" -> V6Locks.holds(held, mm.pageTableLock, null);
      case "anon_vma(r)" -> V6Locks.holdsClass(held, "anon_vma", LockMode.SHARED);
      case "anon_vma(w)" -> V6Locks.holdsClass(held, "anon_vma", LockMode.WRITE);
      case "anon_vma(any)" -> V6Locks.holdsClass(held, "anon_vma", null);
      case "i_mmap(r)" -> V6Locks.holdsClass(held, "i_mmap_rwsem", LockMode.SHARED);
      case "i_mmap(w)" -> V6Locks.holdsClass(held, "i_mmap_rwsem", LockMode.WRITE);
      case "i_mmap(any)" -> V6Locks.holdsClass(held, "i_mmap_rwsem", null);
      case "rmap(w)" -> V6Locks.rmapWrite(held, v);
      case "rmap(any)" -> V6Locks.holdsClass(held, "anon_vma", null) || V6Locks.holdsClass(held, "i_mmap_rwsem", null);
      case "rcu" -> V6Locks.inRcu(held);
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalStateException("atom " + atom);
    };
  }

  /** {@code vma.vm_start} -> {@code vm_start}; {@code mm.pte[3]} -> {@code pte}. */
  static String field(String cellName) {
    String f = MmLocks.field(cellName);
    int b = f.indexOf('[');
    return b < 0 ? f : f.substring(0, b);
  }

  static int index(String cellName) {
    int b = cellName.lastIndexOf('[');
    return Integer.parseInt(cellName.substring(b + 1, cellName.length() - 1));
  }
}
