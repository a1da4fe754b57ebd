package dev.mmcheck.engine;

/**
 * Thrown into model code when it misuses a primitive (unlocking a lock it does not hold,
 * {@code up_read} without {@code down_read}, ...). It surfaces as an uncaught exception in
 * the model thread, with the model's stack.
 */
public final class ModelBug extends RuntimeException {
  public ModelBug(String message) {
    super(message);
  }
}
