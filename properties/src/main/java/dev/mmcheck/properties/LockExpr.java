package dev.mmcheck.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * A lock requirement of a {@link FieldRule}: lock atoms combined with {@code &} (and), {@code |}
 * (or) and parentheses; {@code &} binds tighter. Atoms:
 *
 * <pre>
 * mmap(r) mmap(w) mmap(any)      the object's mm's mmap_lock, read / write / either
 * vma(r) vma(w)                  the object's VMA read-locked by the thread / write-locked (seq mark + mmap write)
 * ptl                            the mm's page_table_lock (the PTE lock)
 * anon_vma(r|w|any) i_mmap(r|w|any)   some lock of class anon_vma / i_mmap_rwsem in that mode
 * rmap(w)                        the VMA's own anon_vma and i_mmap_rwsem for write (those it has)
 * rmap(any)                      some anon_vma or i_mmap_rwsem lock
 * rcu                            inside rcu_read_lock
 * true false
 * </pre>
 *
 * Immutable; {@link #parse} gives errors that name the position.
 */
public sealed interface LockExpr {
  /** The valid atom names. */
  List<String> ATOMS = List.of("mmap(r)", "mmap(w)", "mmap(any)", "vma(r)", "vma(w)", "ptl", "anon_vma(r)",
      "anon_vma(w)", "anon_vma(any)", "i_mmap(r)", "i_mmap(w)", "i_mmap(any)", "rmap(w)", "rmap(any)", "rcu", "true",
      "false");

  /** Evaluates the atoms through {@code view}. */
  boolean eval(java.util.function.Predicate<String> view);

  /** The atoms that occur in it. */
  List<String> atoms();

  record Atom(String name) implements LockExpr {
    public boolean eval(java.util.function.Predicate<String> view) {
      return view.test(name);
    }

    public List<String> atoms() {
      return List.of(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  record And(List<LockExpr> terms) implements LockExpr {
    public boolean eval(java.util.function.Predicate<String> view) {
      return terms.stream().allMatch(t -> t.eval(view));
    }

    public List<String> atoms() {
      return terms.stream().flatMap(t -> t.atoms().stream()).toList();
    }

    @Override
    public String toString() {
      return String.join(" & ", terms.stream().map(t -> t instanceof Or ? "(" + t + ")" : t.toString()).toList());
    }
  }

  record Or(List<LockExpr> terms) implements LockExpr {
    public boolean eval(java.util.function.Predicate<String> view) {
      return terms.stream().anyMatch(t -> t.eval(view));
    }

    public List<String> atoms() {
      return terms.stream().flatMap(t -> t.atoms().stream()).toList();
    }

    @Override
    public String toString() {
      return String.join(" | ", terms.stream().map(LockExpr::toString).toList());
    }
  }

  /** Parses {@code text}; an {@link IllegalArgumentException} names what is wrong and where. */
  static LockExpr parse(String text) {
    Parser p = new Parser(text);
    LockExpr e = p.or();
    p.skip();
    if (p.pos < text.length()) {
      throw new IllegalArgumentException("unexpected '" + text.substring(p.pos) + "' at column " + (p.pos + 1)
          + " of '" + text + "'");
    }
    return e;
  }

  /** Recursive descent over {@code or := and ('|' and)*, and := prim ('&' prim)*, prim := atom | '(' or ')'}. */
  final class Parser {
    private final String s;
    private int pos;

    private Parser(String s) {
      this.s = s;
    }

    private void skip() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private LockExpr or() {
      List<LockExpr> t = new ArrayList<>(List.of(and()));
      while (peek('|')) {
        pos++;
        t.add(and());
      }
      return t.size() == 1 ? t.get(0) : new Or(List.copyOf(t));
    }

    private LockExpr and() {
      List<LockExpr> t = new ArrayList<>(List.of(prim()));
      while (peek('&')) {
        pos++;
        t.add(prim());
      }
      return t.size() == 1 ? t.get(0) : new And(List.copyOf(t));
    }

    private boolean peek(char c) {
      skip();
      return pos < s.length() && s.charAt(pos) == c;
    }

    private LockExpr prim() {
      skip();
      if (peek('(')) {
        pos++;
        LockExpr e = or();
        if (!peek(')')) {
          throw new IllegalArgumentException("missing ')' at column " + (pos + 1) + " of '" + s + "'");
        }
        pos++;
        return e;
      }
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      if (pos < s.length() && s.charAt(pos) == '(') {
        int close = s.indexOf(')', pos);
        if (close < 0) {
          throw new IllegalArgumentException("missing ')' after '" + s.substring(start) + "' in '" + s + "'");
        }
        pos = close + 1;
      }
      String atom = s.substring(start, pos);
      if (atom.isEmpty()) {
        throw new IllegalArgumentException("expected a lock at column " + (start + 1) + " of '" + s + "'");
      }
      if (!ATOMS.contains(atom)) {
        throw new IllegalArgumentException("unknown lock '" + atom + "' in '" + s + "'; valid: "
            + String.join(" ", ATOMS));
      }
      return new Atom(atom);
    }
  }
}
