package dev.mmcheck.engine;

/**
 * Thrown into model code when it misuses a primitive (unlocking a lock it does not hold,
 * {@code up_read} without {@code down_read}, an empty range, ...). It ends the search with a
 * {@link Result.ModelError} naming the thread, the misuse and the model line (the model is
 * wrong, so no verdict about it is given); other exceptions a model thread throws are
 * {@code uncaught-exception} violations (a kernel oops).
 */
public final class ModelBug extends RuntimeException {
  public ModelBug(String message) {
    super(message);
  }
}
