package dev.mmcheck.config;

/** Names and classes registered for config tests. */
final class Fixtures {

  private Fixtures() {}

  /** Scenario with no extra keys. */
  static final class Plain {}

  /** Scenario with an {@code mm.*} namespace. */
  static final class MmScenario {}

  /** Some listener. */
  static final class Tracer {}

  /** Some property. */
  static final class DeadlockProperty {}

  static MapNameResolver resolver() {
    return new MapNameResolver()
        .register(NameResolver.SCENARIO, "plain", Plain.class)
        .register(NameResolver.SCENARIO, "mm", MmScenario.class)
        .register(NameResolver.LISTENER, "tracer", Tracer.class)
        .register(NameResolver.PROPERTY, "deadlock", DeadlockProperty.class)
        .register(NameResolver.PROPERTY, "lock-order", Object.class)
        .register(NameResolver.PROPERTY, "uncaught-exception", Object.class)
        .register(NameResolver.PROPERTY, "use-after-free", Object.class);
  }
}
