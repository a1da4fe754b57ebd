package dev.mmcheck.cli;

import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.ListType;
import dev.mmcheck.config.Origin;
import dev.mmcheck.config.RawConfig;
import dev.mmcheck.config.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The user's class path of one config: the entries of its {@code classpath} key, resolved and
 * checked, as JPF does it. Each entry is a jar or a folder of {@code .class} files; entries are
 * separated by {@code ,} {@code ;} or {@code :}; a relative entry is relative to the folder of the
 * config file whose line sets it (an {@code @include}d file's own folder; the working folder for
 * a {@code +classpath=} override); {@code ${config_path}} works as everywhere; {@code dir/*} is
 * every jar in {@code dir}, sorted by name. An entry that does not exist, a file that is not a
 * jar, or a {@code dir/*} without jars is a {@link ConfigException} at the line that names it.
 *
 * <p>Immutable. {@link #newLoader} makes a fresh class loader over the entries whose parent is
 * mmcheck's own, so user classes see the engine, the model and the properties, and mmcheck's
 * classes win over copies of them in a user jar (parent first).
 */
public final class UserClasspath {
  /**
   * One resolved entry.
   *
   * @param written the entry as written in the config
   * @param path the absolute, normalized jar or folder
   * @param origin the line that set it
   */
  public record Entry(String written, Path path, Origin origin) {}

  /** No entries. */
  public static final UserClasspath NONE = new UserClasspath(List.of());

  private final List<Entry> entries;

  private UserClasspath(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * The class path {@code raw} sets; {@link #NONE} if it sets none.
   *
   * @throws ConfigException for an entry that does not exist or is neither a jar nor a folder
   */
  public static UserClasspath of(RawConfig raw) {
    RawValue rv = raw.get(ConfigKeys.CLASSPATH.name()).orElse(null);
    if (rv == null) {
      return NONE;
    }
    ListType type = (ListType) ConfigKeys.CLASSPATH.type();
    List<Entry> out = new ArrayList<>();
    for (RawValue.Segment s : rv.segments()) {
      Path dir = folderOf(s.origin());
      for (String written : type.parse(s.text())) {
        out.addAll(resolve(written, dir, s.origin()));
      }
    }
    return new UserClasspath(out);
  }

  /** The folder relative entries of a line are resolved against: its file's, else the working folder. */
  static Path folderOf(Origin o) {
    Path cwd = Path.of("").toAbsolutePath();
    if (o.isCommandLine() || o.isDefault()) {
      return cwd;
    }
    Path parent = cwd.resolve(o.source()).normalize().getParent();
    return parent == null ? cwd : parent;
  }

  private static List<Entry> resolve(String written, Path dir, Origin at) {
    if (written.equals("*") || written.endsWith("/*")) {
      Path folder = dir.resolve(written.substring(0, written.length() - 1)).normalize();
      if (!Files.isDirectory(folder)) {
        throw new ConfigException(at, "classpath: '" + written + "': no folder " + folder,
            "relative entries are relative to " + dir);
      }
      List<Entry> jars = new ArrayList<>();
      try (Stream<Path> s = Files.list(folder)) {
        s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
            .forEach(p -> jars.add(new Entry(written, p, at)));
      } catch (IOException | UncheckedIOException e) {
        throw new ConfigException(at, "classpath: cannot list " + folder + ": " + e.getMessage());
      }
      if (jars.isEmpty()) {
        throw new ConfigException(at, "classpath: '" + written + "' matches no jar in " + folder,
            "dir/* stands for the .jar files in dir; name a class folder without /*");
      }
      return jars;
    }
    Path p = dir.resolve(written).normalize();
    if (!Files.exists(p)) {
      throw new ConfigException(at, "classpath entry '" + written + "' does not exist (looked for " + p + ")",
          "entries are relative to the folder of the config that sets them (" + dir
              + "); a Maven project's classes are in target/classes after mvn compile");
    }
    if (Files.isRegularFile(p)) {
      try (JarFile jar = new JarFile(p.toFile())) {
        jar.size();
      } catch (IOException e) {
        throw new ConfigException(at, "classpath entry '" + written + "' is not a jar (" + p + ": " + e.getMessage()
            + "); expected a jar or a folder of .class files",
            written.endsWith(".java") ? "compile it first and name the folder of the .class files"
                : "name the folder that holds the package folders (e.g. target/classes), or a .jar");
      }
    } else if (!Files.isDirectory(p)) {
      throw new ConfigException(at, "classpath entry '" + written + "' is neither a jar nor a folder: " + p);
    }
    return List.of(new Entry(written, p, at));
  }

  public List<Entry> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The entries' absolute paths, in order. */
  public List<Path> paths() {
    return entries.stream().map(Entry::path).toList();
  }

  /** Where the last entry was set (for errors about the class path as a whole); empty if none. */
  public Origin origin() {
    return entries.isEmpty() ? Origin.defaults() : entries.get(entries.size() - 1).origin();
  }

  /**
   * For messages: {@code classpath /a/target/classes (x.jpf:3), /b/lib.jar (command line), then
   * mmcheck's own jars}, or mmcheck's own class path when empty.
   */
  public String describe() {
    if (entries.isEmpty()) {
      return "mmcheck's own class path only (no 'classpath' key set)";
    }
    List<String> parts = new ArrayList<>();
    for (Entry e : entries) {
      parts.add(e.path() + " (" + e.origin() + ")");
    }
    return "classpath " + String.join(", ", parts) + ", then mmcheck's own jars";
  }

  /** A new class loader over the entries, parent {@code parent} (delegating to it first). */
  public URLClassLoader newLoader(ClassLoader parent) {
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = entries.get(i).path().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new ConfigException(entries.get(i).origin(), "classpath entry '" + entries.get(i).written()
            + "' is not a valid path: " + e.getMessage());
      }
    }
    return new URLClassLoader("mmcheck-user-classpath", urls, parent);
  }

  @Override
  public String toString() {
    return "UserClasspath" + paths();
  }
}
