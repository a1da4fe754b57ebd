package dev.mmcheck.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code --junit-xml=FILE}: the runs of one command as a JUnit XML report, the format CI
 * servers (Jenkins, GitLab, GitHub Actions reporters) read, in its common Ant/Jenkins form:
 *
 * <pre>{@code
 * <testsuites name="mmcheck" tests="2" failures="1" errors="0" time="0.052">
 *   <testsuite name="mmcheck" tests="2" failures="1" errors="0" skipped="0" time="0.052"
 *              timestamp="2025-05-01T10:33:02" hostname="build-7">
 *     <properties><property name="mmcheck.check-expect" value="true"/></properties>
 *     <testcase classname="jpf-configs.examples" name="abba.jpf" time="0.021">
 *       <system-out>error #1: deadlock "..."  [expect deadlock: ok]</system-out>
 *     </testcase>
 *     <testcase classname="jpf-configs.examples" name="abba-ordered.jpf" time="0.031">
 *       <failure type="unexpected-verdict" message="...">the full text report, with the trace</failure>
 *     </testcase>
 *   </testsuite>
 * </testsuites>
 * }</pre>
 *
 * One test case per config file: it passes when the file's exit code is 0; exit 1, 3 and 5 are
 * failures (a violation, a bound, a verdict that differs from {@code expect}); exit 2 (config
 * error) and 4 (model error) are errors. Validated against {@code junit.xsd} in the cli tests.
 */
final class JunitXml {
  /** How a test case ended. */
  enum Status { PASSED, FAILURE, ERROR }

  /**
   * One config's test case.
   *
   * @param classname the config's folder, dots for slashes ({@code jpf-configs.examples})
   * @param name the config's file name
   * @param seconds its run time
   * @param status passed, failure or error
   * @param type the failure or error type ({@code unexpected-verdict}, {@code violation}, ...)
   * @param message one line
   * @param text the failure's body (the report with the trace) or the passing case's output
   */
  record Case(String classname, String name, double seconds, Status status, String type, String message,
      String text) {}

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private JunitXml() {}

  /** Collects the test cases of one command, then writes them. */
  static final class Collector {
    private final boolean checkExpect;
    private final Instant started = Instant.now();
    private final List<Case> cases = new java.util.ArrayList<>();

    Collector(boolean checkExpect) {
      this.checkExpect = checkExpect;
    }

    /** A finished run with its exit code: passes on 0; else the full text report is the failure's body. */
    void add(Path file, Outcome o, int code, double seconds) {
      String[] n = names(file);
      Status st = status(code);
      String summary = o.summary();
      String text = st == Status.PASSED ? summary + "\n"
          : dev.mmcheck.engine.report.TextReport.render(o.result(), ReportWriter.options(o.prepared())) + summary + "\n";
      String message = code == ExitCodes.UNEXPECTED
          ? "expected " + o.expectation().map(Object::toString).orElse("?") + ", got: "
              + dev.mmcheck.engine.report.TextReport.verdict(o.result())
          : dev.mmcheck.engine.report.TextReport.verdict(o.result());
      cases.add(new Case(n[0], n[1], seconds, st, type(code), message, text));
    }

    /** A config that could not be loaded: an error. */
    void addConfigError(Path file, String error, double seconds) {
      String[] n = names(file);
      String first = error.lines().findFirst().orElse(error);
      cases.add(new Case(n[0], n[1], seconds, Status.ERROR, type(ExitCodes.USAGE), first, error + "\n"));
    }

    void write(Path file) throws IOException {
      String host;
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "localhost";
      }
      JunitXml.write(file, cases, started, host, List.<String[]>of(new String[] {"mmcheck.check-expect", String.valueOf(checkExpect)}));
    }
  }

  /** The status for a run's exit code (see the class comment). */
  static Status status(int exitCode) {
    return switch (exitCode) {
      case ExitCodes.VERIFIED -> Status.PASSED;
      case ExitCodes.USAGE, ExitCodes.MODEL_ERROR -> Status.ERROR;
      default -> Status.FAILURE;
    };
  }

  /** The failure/error type for an exit code. */
  static String type(int exitCode) {
    return switch (exitCode) {
      case ExitCodes.VIOLATION -> "violation";
      case ExitCodes.USAGE -> "config-error";
      case ExitCodes.BOUND -> "not-exhaustive";
      case ExitCodes.MODEL_ERROR -> "model-error";
      case ExitCodes.UNEXPECTED -> "unexpected-verdict";
      default -> "exit-" + exitCode;
    };
  }

  /** {@code jpf-configs/examples/abba.jpf} to classname {@code jpf-configs.examples}, name {@code abba.jpf}. */
  static String[] names(Path file) {
    if (file == null) {
      return new String[] {"mmcheck", "(command line)"};
    }
    Path norm = file.normalize();
    Path parent = norm.getParent();
    String cls = parent == null ? "mmcheck" : parent.toString().replace('\\', '/').replaceAll("^(\\.\\./|/)+", "")
        .replace('/', '.');
    return new String[] {cls.isEmpty() ? "mmcheck" : cls, norm.getFileName().toString()};
  }

  /** Writes the report; {@code properties} are suite-level name/value pairs. */
  static void write(Path file, List<Case> cases, Instant started, String hostname, List<String[]> properties)
      throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    long failures = cases.stream().filter(c -> c.status() == Status.FAILURE).count();
    long errors = cases.stream().filter(c -> c.status() == Status.ERROR).count();
    String time = seconds(cases.stream().mapToDouble(Case::seconds).sum());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      attrs(x, "name", "mmcheck", "tests", String.valueOf(cases.size()), "failures", String.valueOf(failures),
          "errors", String.valueOf(errors), "time", time);
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      attrs(x, "name", "mmcheck", "tests", String.valueOf(cases.size()), "failures", String.valueOf(failures),
          "errors", String.valueOf(errors), "skipped", "0", "time", time, "timestamp", STAMP.format(started),
          "hostname", hostname);
      x.writeCharacters("\n    ");
      x.writeStartElement("properties");
      for (String[] p : properties) {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        attrs(x, "name", p[0], "value", p[1]);
      }
      x.writeCharacters("\n    ");
      x.writeEndElement();
      for (Case c : cases) {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        attrs(x, "classname", c.classname(), "name", c.name(), "time", seconds(c.seconds()));
        x.writeCharacters("\n      ");
        if (c.status() == Status.PASSED) {
          x.writeStartElement("system-out");
        } else {
          x.writeStartElement(c.status() == Status.FAILURE ? "failure" : "error");
          attrs(x, "type", c.type(), "message", clean(c.message()));
        }
        x.writeCharacters(clean(c.text()));
        x.writeEndElement();
        x.writeCharacters("\n    ");
        x.writeEndElement();
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void attrs(XMLStreamWriter x, String... kv) throws XMLStreamException {
    for (int i = 0; i < kv.length; i += 2) {
      x.writeAttribute(kv[i], kv[i + 1]);
    }
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  /** Drops characters XML 1.0 cannot carry (control characters other than tab, newline, return). */
  static String clean(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
        if (!(ch == 0xFFFE || ch == 0xFFFF)) {
          sb.append(ch);
        }
      }
    }
    return sb.toString();
  }
}
