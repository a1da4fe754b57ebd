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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the scenario, properties and listeners a validated {@link Config} names. Scenario
 * classes get their parameters through a public {@code (Map<String,String>)} constructor (the
 * catalog's parameter keys with the config's values or the defaults, plus {@code target.args}
 * joined with commas when set), or a public no-argument constructor. Properties and listeners
 * need a public no-argument constructor. Any failure is a {@link ConfigException} at the line
 * that named the class.
 */
final class Instantiator {
  private final Catalogs catalogs;

  Instantiator(Catalogs catalogs) {
    this.catalogs = catalogs;
  }

  Scenario scenario(Config config) {
    Class<?> type = config.targetClass();
    Map<String, String> params = new LinkedHashMap<>();
    Optional<Catalog.Entry> entry = catalogs.scenarioEntry(type);
    for (Catalog.Param p : entry.map(Catalog.Entry::params).orElse(List.of())) {
      String value = config.raw(p.key()).orElse(p.defaultValue());
      if (value != null) {
        params.put(p.key(), value);
      }
    }
    if (config.isSet(ConfigKeys.TARGET_ARGS.name())) {
      params.put(ConfigKeys.TARGET_ARGS.name(), String.join(",", config.get(ConfigKeys.TARGET_ARGS)));
    }
    Origin at = config.origin(ConfigKeys.TARGET.name()).orElse(Origin.commandLine());
    try {
      Constructor<?> withParams = type.getConstructor(Map.class);
      return (Scenario) withParams.newInstance(Map.copyOf(params));
    } catch (NoSuchMethodException e) {
      return (Scenario) create(type, "scenario", at);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw failed(type, "scenario", at, e);
    }
  }

  /** Properties ({@code search.properties}) then listeners ({@code listener}), in config order. */
  List<Listener> listeners(Config config) {
    List<Listener> out = new ArrayList<>();
    for (String name : config.get(ConfigKeys.SEARCH_PROPERTIES)) {
      Origin at = config.origin(ConfigKeys.SEARCH_PROPERTIES.name()).orElse(Origin.defaults());
      out.add((Listener) create(catalogs.resolver().resolve(NameResolver.PROPERTY, name), "property", at));
    }
    for (String name : config.get(ConfigKeys.LISTENER)) {
      Origin at = config.origin(ConfigKeys.LISTENER.name()).orElse(Origin.defaults());
      out.add((Listener) create(catalogs.resolver().resolve(NameResolver.LISTENER, name), "listener", at));
    }
    return out;
  }

  private static Object create(Class<?> type, String kind, Origin at) {
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new ConfigException(at, "cannot create " + kind + " " + type.getName()
          + ": it has no public no-argument constructor",
          kind.equals("scenario") ? "give it a public constructor (Map<String,String> params) or ()" : null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw failed(type, kind, at, e);
    }
  }

  private static ConfigException failed(Class<?> type, String kind, Origin at, Throwable e) {
    Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
    ConfigException ce = new ConfigException(at, "cannot create " + kind + " " + type.getName() + ": " + cause);
    ce.initCause(cause);
    return ce;
  }
}
