package dev.mmcheck.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a constructor parameter of a {@link Scenario}, {@link Property} or {@link Listener} a
 * typed config key, so that a class named in a config by its class name gets parameters without
 * a {@link Catalog}:
 *
 * <pre>{@code
 * public record StableVmaDuringFault(
 *     @Param(value = "fields", description = "VMA fields that must not change", defaultValue = "vm_start")
 *     String fields) implements Property, ObjectListener { ... }
 * }</pre>
 *
 * <p>With {@code search.properties += com.example.StableVmaDuringFault} in a config, the key
 * {@code stable-vma-during-fault.fields} exists, is typed and documented ({@code mmcheck keys
 * my.jpf} lists it), and its value (or the default) is passed to the constructor.
 *
 * <p>Rules, checked when the class is named (a broken declaration is a config error naming the
 * class):
 *
 * <ul>
 *   <li>The class has exactly one public constructor whose parameters all carry {@code @Param}
 *       (a record's canonical constructor gets the annotations of its components). It is used
 *       in preference to a {@code (Map<String,String>)} or no-argument constructor, unless the
 *       class's catalog entry lists parameters ({@link Catalog.Param}), which then win.
 *   <li>The key is {@code <prefix>.<value>}, where the prefix is the class's simple name in
 *       kebab case ({@code StableVmaDuringFault} -> {@code stable-vma-during-fault}); a
 *       {@link #value} with a dot is the whole key ({@code "mm.era"}), to share a scenario's
 *       namespace (the same key declared twice must have the same type and default).
 *   <li>Types: {@code String} (any text, or one of {@link #choices}), {@code boolean},
 *       {@code int}, {@code long} (and their boxes), {@link java.time.Duration} ({@code 30s},
 *       {@code 250ms}), and enums (one of the constant names).
 *   <li>{@link #defaultValue} is written as in a config and parsed by the parameter's type; a
 *       parameter without one must be set in the config.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {
  /** {@link #defaultValue} of a parameter that must be set: no default. */
  String NO_DEFAULT = "\u0000(no default)";

  /** The key's name after the class's prefix, or, with a dot, the whole key. */
  String value();

  /** One line for {@code mmcheck keys}. */
  String description() default "";

  /** The default as config text, or {@link #NO_DEFAULT}. */
  String defaultValue() default NO_DEFAULT;

  /** For a {@code String} parameter: the allowed values (empty: any text). */
  String[] choices() default {};
}
