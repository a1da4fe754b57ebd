package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code --check-expect --junit-xml}: the file is valid against the JUnit XML schema in
 * {@code src/test/resources/junit.xsd}, read back with a validating parser, and holds one test
 * case per config with the right outcome.
 */
class JunitXmlTest {
  @TempDir
  Path tmp;

  private static Schema schema() throws SAXException, IOException {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try (InputStream in = JunitXmlTest.class.getResourceAsStream("/junit.xsd")) {
      return f.newSchema(new StreamSource(in));
    }
  }

  /** Parses {@code file}, validating it against the schema while parsing (errors throw). */
  private static Document read(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setSchema(schema());
    var b = f.newDocumentBuilder();
    b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void error(org.xml.sax.SAXParseException e) throws SAXException {
        throw e;
      }
    });
    return b.parse(file.toFile());
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nl = e.getChildNodes();
    for (int i = 0; i < nl.getLength(); i++) {
      if (nl.item(i) instanceof Element c && c.getTagName().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }

  @Test
  void oneValidTestCasePerConfigWithFailuresAndErrors() throws Exception {
    Path wrong = Files.writeString(tmp.resolve("abba-said-verified.jpf"),
        "target = abba\nsearch.properties = deadlock\nexpect = verified\n");
    Path bad = Files.writeString(tmp.resolve("bad.jpf"), "target = abba\nsearch.time_limit = soon\n");
    Path broken = Files.writeString(tmp.resolve("broken.jpf"),
        "target = dev.mmcheck.cli.ThrowingScenario\nexpect = verified\n");
    Path xml = tmp.resolve("out/junit.xml");
    Cli.Run r = Cli.run("--check-expect", "--junit-xml=" + xml, CliTest.EXAMPLES + "abba.jpf",
        CliTest.EXAMPLES + "uaf-locked.jpf", wrong.toString(), bad.toString(), broken.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.out().contains("JUnit XML report written to " + xml), r.toString());

    Document d = read(xml);
    Element suites = d.getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    Element suite = children(suites, "testsuite").get(0);
    assertEquals(List.of("5", "1", "2"), List.of(suite.getAttribute("tests"), suite.getAttribute("failures"),
        suite.getAttribute("errors")));
    List<Element> cases = children(suite, "testcase");
    assertEquals(List.of("abba.jpf", "uaf-locked.jpf", "abba-said-verified.jpf", "bad.jpf", "broken.jpf"),
        cases.stream().map(c -> c.getAttribute("name")).toList());
    assertEquals("jpf-configs.examples", cases.get(0).getAttribute("classname"));

    assertTrue(children(cases.get(0), "failure").isEmpty() && children(cases.get(0), "error").isEmpty());
    assertTrue(children(cases.get(0), "system-out").get(0).getTextContent().contains("[expect deadlock: ok]"));
    assertTrue(children(cases.get(1), "failure").isEmpty());

    Element failure = children(cases.get(2), "failure").get(0);
    assertEquals("unexpected-verdict", failure.getAttribute("type"));
    assertTrue(failure.getAttribute("message").startsWith("expected verified, got: error #1: deadlock"),
        failure.getAttribute("message"));
    String trace = failure.getTextContent();
    assertTrue(trace.contains("transition #0 thread: t1") && trace.contains("blocked at the end"),
        "the failure text carries the trace:\n" + trace);

    Element config = children(cases.get(3), "error").get(0);
    assertEquals("config-error", config.getAttribute("type"));
    assertTrue(config.getAttribute("message").contains("search.time_limit"), config.getAttribute("message"));
    Element model = children(cases.get(4), "error").get(0);
    assertEquals("model-error", model.getAttribute("type"));
    assertTrue(model.getAttribute("message").contains("setup is broken on purpose"), model.getAttribute("message"));
    for (Element c : cases) {
      assertTrue(Double.parseDouble(c.getAttribute("time")) >= 0);
    }
  }

  @Test
  void theSchemaRejectsMalformedReports() throws Exception {
    Path noName = Files.writeString(tmp.resolve("x.xml"), "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\""
        + " errors=\"0\"><testcase classname=\"c\" time=\"0.1\"/></testsuite></testsuites>");
    assertThrows(SAXException.class, () -> read(noName), "a test case needs a name");
    Path badCount = Files.writeString(tmp.resolve("y.xml"), "<testsuites><testsuite name=\"s\" tests=\"many\""
        + " failures=\"0\" errors=\"0\"/></testsuites>");
    assertThrows(SAXException.class, () -> read(badCount), "counts are numbers");
    Path twoOutcomes = Files.writeString(tmp.resolve("z.xml"), "<testsuites><testsuite name=\"s\" tests=\"1\""
        + " failures=\"1\" errors=\"1\"><testcase name=\"n\" classname=\"c\" time=\"0\"><skipped/><failure/>"
        + "</testcase></testsuite></testsuites>");
    assertThrows(SAXException.class, () -> read(twoOutcomes), "skipped and failed at once");
  }
}
