package dev.mmcheck.cli;

import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.NameResolver;
import dev.mmcheck.config.Origin;
import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Scenario;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the scenario, properties and listeners a validated {@link Config} names. A class gets
 * its parameters, in this order of preference:
 *
 * <ol>
 *   <li>its catalog entry lists {@link Catalog.Param}s: a public {@code (Map<String,String>)}
 *       constructor gets them (the config's values or the defaults; for a scenario also
 *       {@code target.args} joined with commas when set);
 *   <li>it has a public constructor whose parameters all carry {@link dev.mmcheck.engine.Param}:
 *       that one, with the typed values ({@link ClassParams});
 *   <li>a public {@code (Map<String,String>)} constructor (a scenario gets {@code target.args}),
 *       else a public no-argument constructor.
 * </ol>
 *
 * Any failure (abstract or non-public class, no usable constructor, a constructor that throws)
 * is a {@link ConfigException} at the line that named the class, saying what was expected.
 */
final class Instantiator {
  private final Catalogs catalogs;

  Instantiator(Catalogs catalogs) {
    this.catalogs = catalogs;
  }

  Scenario scenario(Config config) {
    Class<?> type = config.targetClass();
    Origin at = config.origin(ConfigKeys.TARGET.name()).orElse(Origin.commandLine());
    return (Scenario) create(type, NameResolver.SCENARIO, at, config);
  }

  /** Properties ({@code search.properties}) then listeners ({@code listener}), in config order. */
  List<Listener> listeners(Config config) {
    List<Listener> out = new ArrayList<>();
    for (String name : config.get(ConfigKeys.SEARCH_PROPERTIES)) {
      Origin at = config.origin(ConfigKeys.SEARCH_PROPERTIES.name(), name).orElse(Origin.defaults());
      out.add((Listener) create(resolve(NameResolver.PROPERTY, name, at), NameResolver.PROPERTY, at, config));
    }
    for (String name : config.get(ConfigKeys.LISTENER)) {
      Origin at = config.origin(ConfigKeys.LISTENER.name(), name).orElse(Origin.defaults());
      out.add((Listener) create(resolve(NameResolver.LISTENER, name, at), NameResolver.LISTENER, at, config));
    }
    return out;
  }

  private Class<?> resolve(String kind, String name, Origin at) {
    try {
      return catalogs.resolver().resolve(kind, name);
    } catch (ConfigException e) {
      throw e.at(at);
    }
  }

  private Object create(Class<?> type, String kind, Origin at, Config config) {
    checkInstantiable(type, kind, at);
    List<Catalog.Param> params = catalogs.catalogParams(type);
    try {
      if (!params.isEmpty()) {
        return mapConstructor(type, kind, at).newInstance(paramMap(params, kind, config));
      }
      Optional<Constructor<?>> annotated;
      try {
        annotated = ClassParams.constructor(type);
      } catch (ConfigException e) {
        throw e.at(at);
      }
      if (annotated.isPresent()) {
        return annotated.get().newInstance(ClassParams.arguments(ClassParams.specs(type), config, type, at));
      }
      Optional<Constructor<?>> withMap = publicConstructor(type, Map.class);
      if (withMap.isPresent()) {
        return withMap.get().newInstance(paramMap(List.of(), kind, config));
      }
      Optional<Constructor<?>> none = publicConstructor(type);
      if (none.isPresent()) {
        return none.get().newInstance();
      }
      throw new ConfigException(at, "cannot create " + kind + " " + type.getName()
          + ": it has no usable public constructor", expected(kind));
    } catch (InvocationTargetException e) {
      throw failed(type, kind, at, e.getCause() == null ? e : e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (e instanceof ConfigException ce) {
        throw ce;
      }
      throw failed(type, kind, at, e);
    }
  }

  private static String expected(String kind) {
    return "a " + kind + " needs a public constructor whose parameters all carry @dev.mmcheck.engine.Param,"
        + " or a public (Map<String,String> params) one, or a public no-argument one";
  }

  private static void checkInstantiable(Class<?> type, String kind, Origin at) {
    String what = type.isInterface() ? "an interface" : Modifier.isAbstract(type.getModifiers()) ? "abstract"
        : !Modifier.isPublic(type.getModifiers()) ? "not public"
        : type.isMemberClass() && !Modifier.isStatic(type.getModifiers()) ? "an inner (non-static) class" : null;
    if (what != null) {
      throw new ConfigException(at, "cannot create " + kind + " " + type.getName() + ": it is " + what,
          "name a public, concrete, top-level or static nested class; " + expected(kind));
    }
  }

  private static Constructor<?> mapConstructor(Class<?> type, String kind, Origin at) {
    return publicConstructor(type, Map.class).orElseThrow(() -> new ConfigException(at, "cannot create " + kind + " "
        + type.getName() + ": its catalog entry lists parameters, but it has no public (Map<String,String>)"
        + " constructor to receive them", "add a public constructor taking Map<String,String> params"));
  }

  private static Optional<Constructor<?>> publicConstructor(Class<?> type, Class<?>... params) {
    try {
      return Optional.of(type.getConstructor(params));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  /** The catalog parameters' values (or defaults), plus {@code target.args} for a scenario. */
  private static Map<String, String> paramMap(List<Catalog.Param> params, String kind, Config config) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Catalog.Param p : params) {
      String value = config.raw(p.key()).orElse(p.defaultValue());
      if (value != null) {
        out.put(p.key(), value);
      }
    }
    if (kind.equals(NameResolver.SCENARIO) && config.isSet(ConfigKeys.TARGET_ARGS.name())) {
      out.put(ConfigKeys.TARGET_ARGS.name(), String.join(",", config.get(ConfigKeys.TARGET_ARGS)));
    }
    return Map.copyOf(out);
  }

  private static ConfigException failed(Class<?> type, String kind, Origin at, Throwable cause) {
    ConfigException ce = new ConfigException(at, "cannot create " + kind + " " + type.getName() + ": " + cause);
    ce.initCause(cause);
    return ce;
  }
}
