package dev.mmcheck.model.ghost;

import dev.mmcheck.engine.Tracked;

/**
 * An address space as the part-3 properties see it: for each page address {@code 0 <= addr <
 * pages()}, the mapping that covers it (or none), the page frame present there (or none) and
 * the contents a user read would return. Implemented by a model's mm.
 *
 * <p>Contract: every method reads the model only through {@code Cell.peek()} (and the other
 * non-scheduling reads of the engine), never through a scheduling point, so it may be called
 * from a listener callback; the reads then enter the dependency relation of the current event.
 * The results describe the state after the current event. Deterministic; no side effects; not
 * thread-safe (callbacks never run concurrently).
 */
public interface AddressSpaceView {
  /** The mm's instance name, e.g. {@code mm} or {@code child}. */
  String name();

  /** Number of modelled page addresses. */
  int pages();

  /** The mapping covering {@code addr} now, or null if no VMA of the list covers it. */
  Mapping peekMapping(int addr);

  /** The page frame a present PTE at {@code addr} maps now, or null. */
  Tracked peekPage(int addr);

  /**
   * What a user read at {@code addr} returns now: the contents of the page present there, or
   * the zero-fill value of an anonymous mapping without a page; meaningless if unmapped.
   */
  Object peekContents(int addr);

  /**
   * Whether a write to one of {@code object}'s cells can change what this view returns (the
   * mm itself, one of its VMAs, a page frame). Over-approximating is allowed, at the cost of
   * more dependencies.
   */
  boolean covers(Tracked object);
}
