package dev.mmcheck.cli;

import dev.mmcheck.config.BadValueException;
import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.Key;
import dev.mmcheck.config.Origin;
import dev.mmcheck.config.ValueType;
import dev.mmcheck.config.ValueTypes;
import dev.mmcheck.engine.Param;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The typed config keys of a class from its {@link Param}-annotated constructor (see there for
 * the rules), and the constructor arguments a {@link Config} gives them. Stateless; the
 * reflection is redone on each call (it is cheap next to a search).
 */
final class ClassParams {
  private ClassParams() {}

  /**
   * One constructor parameter as a config key.
   *
   * @param key the typed key (enum parameters are choice keys of the constant names)
   * @param javaType the parameter's type, to convert the key's value
   */
  record Spec(Key<?> key, Class<?> javaType) {}

  /**
   * The public constructor whose parameters all carry {@link Param}, if the class has one.
   *
   * @throws ConfigException (no origin) if it has more than one, or one that mixes annotated
   *     and plain parameters
   */
  static Optional<Constructor<?>> constructor(Class<?> type) {
    List<Constructor<?>> found = new ArrayList<>();
    for (Constructor<?> c : type.getConstructors()) {
      Parameter[] ps = c.getParameters();
      long annotated = Arrays.stream(ps).filter(p -> p.isAnnotationPresent(Param.class)).count();
      if (annotated == 0) {
        continue;
      }
      if (annotated != ps.length) {
        throw new ConfigException(null, "constructor " + c + " of " + type.getName() + " has @Param on "
            + annotated + " of its " + ps.length + " parameters", "put @Param on every parameter of the constructor"
                + " mmcheck should call, or on none");
      }
      found.add(c);
    }
    if (found.size() > 1) {
      throw new ConfigException(null, type.getName() + " has " + found.size()
          + " public constructors with @Param parameters; mmcheck needs exactly one", null);
    }
    return found.stream().findFirst();
  }

  /** The keys of the {@link Param} constructor, in parameter order; empty without one. */
  static List<Spec> specs(Class<?> type) {
    Optional<Constructor<?>> c = constructor(type);
    if (c.isEmpty()) {
      return List.of();
    }
    List<Spec> out = new ArrayList<>();
    for (Parameter p : c.get().getParameters()) {
      out.add(spec(type, p.getAnnotation(Param.class), p.getType()));
    }
    return List.copyOf(out);
  }

  /** The key prefix of a class: its simple name in kebab case, e.g. {@code stable-vma-during-fault}. */
  static String prefix(Class<?> type) {
    String s = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    return s.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
        .replace('_', '-').replace('$', '-').toLowerCase(Locale.ROOT);
  }

  private static Spec spec(Class<?> owner, Param p, Class<?> t) {
    String name = p.value().contains(".") ? p.value() : prefix(owner) + "." + p.value();
    String where = "@Param(\"" + p.value() + "\") of " + owner.getName();
    if (p.value().isBlank() || p.value().startsWith(".") || p.value().endsWith(".")) {
      throw new ConfigException(null, where + ": the name must not be empty or start or end with a dot", null);
    }
    String description = p.description().isEmpty() ? "parameter of " + owner.getSimpleName() : p.description();
    ValueType<?> vt = valueType(t, p, where);
    if (p.choices().length > 0 && t != String.class) {
      throw new ConfigException(null, where + ": choices are for String parameters; this one is a " + t.getName(),
          t.isEnum() ? "an enum parameter's choices are its constant names already" : null);
    }
    try {
      return new Spec(key(name, vt, p.defaultValue(), description, where), t);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(null, where + ": " + e.getMessage(),
          "key names use letters, digits and . _ -");
    }
  }

  private static <T> Key<T> key(String name, ValueType<T> vt, String def, String description, String where) {
    T value = null;
    if (!def.equals(Param.NO_DEFAULT)) {
      try {
        value = vt.parse(def);
      } catch (BadValueException e) {
        throw new ConfigException(null, where + ": its defaultValue '" + def + "' is not " + e.expected(), null);
      }
    }
    return new Key<>(name, vt, value, description);
  }

  private static ValueType<?> valueType(Class<?> t, Param p, String where) {
    if (t == String.class) {
      return p.choices().length > 0 ? ValueTypes.choice(p.choices()) : ValueTypes.string();
    }
    if (t == boolean.class || t == Boolean.class) {
      return ValueTypes.bool();
    }
    if (t == int.class || t == Integer.class) {
      return ValueTypes.integer();
    }
    if (t == long.class || t == Long.class) {
      return ValueTypes.longInteger();
    }
    if (t == Duration.class) {
      return ValueTypes.duration();
    }
    if (t.isEnum()) {
      return ValueTypes.choice(Arrays.stream(t.getEnumConstants()).map(c -> ((Enum<?>) c).name())
          .toArray(String[]::new));
    }
    throw new ConfigException(null, where + " has type " + t.getName() + ", which a config cannot give",
        "use String, boolean, int, long, java.time.Duration or an enum");
  }

  /**
   * The constructor arguments for {@code specs} from {@code config}: each key's value, or its
   * default.
   *
   * @throws ConfigException if a key without default is not set (at the line that named the class)
   */
  static Object[] arguments(List<Spec> specs, Config config, Class<?> owner, Origin at) {
    Object[] args = new Object[specs.size()];
    for (int i = 0; i < args.length; i++) {
      Spec s = specs.get(i);
      // the schema's own Key object (an equal one made by another call to specs() is not the same)
      Key<?> inSchema = config.schema().key(s.key().name()).orElseThrow(() -> new IllegalStateException(
          "key " + s.key().name() + " of " + owner.getName() + " is not in the config's schema"));
      Object v = config.find(inSchema).orElseThrow(() -> new ConfigException(at, owner.getName() + " needs '"
          + s.key().name() + "' (" + s.key().description() + ")", "set " + s.key().name() + " = <"
              + s.key().type().describe() + "> in the config"));
      args[i] = convert(v, s.javaType());
    }
    return args;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // enum constant by name of a checked enum type
  private static Object convert(Object v, Class<?> t) {
    if (t.isEnum()) {
      return Enum.valueOf((Class) t, (String) v);
    }
    return v;
  }

  static boolean isPublicConcrete(Class<?> t) {
    return Modifier.isPublic(t.getModifiers()) && !Modifier.isAbstract(t.getModifiers()) && !t.isInterface();
  }
}
