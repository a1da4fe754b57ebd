package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import dev.mmcheck.cli.cluster.ClusterMember;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code mmcheck --cluster}: two members on the loopback interface in this JVM; a search on
 * them prints the report of the single-JVM exhaustive search (same verdict, counts, violations
 * and traces; only times differ) plus the cluster line; a member that dies mid-search loses no
 * subtree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterCliTest {
  static final String EXAMPLES = CliTest.EXAMPLES;
  private final List<ClusterMember> members = new ArrayList<>();
  private String addresses;

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  void startTwoMembers() {
    int a = freePort();
    int b = freePort();
    List<String> both = List.of("127.0.0.1:" + a, "127.0.0.1:" + b);
    members.add(ClusterMember.start("127.0.0.1", a, both, 1, Catalogs.load(), null));
    members.add(ClusterMember.start("127.0.0.1", b, both, 1, Catalogs.load(), null));
    addresses = String.join(",", both);
    long until = System.currentTimeMillis() + 20_000;
    while (members.get(0).instance().getCluster().getMembers().size() < 2 && System.currentTimeMillis() < until) {
      Thread.onSpinWait();
    }
    assertEquals(2, members.get(0).instance().getCluster().getMembers().size(), "the two members form a cluster");
  }

  @AfterAll
  void stopMembers() {
    members.forEach(ClusterMember::close);
  }

  /** The report without what differs between two runs of one search: times, dates, rates, heap, the cluster line. */
  static String untimed(String out) {
    return out.lines()
        .filter(l -> !l.startsWith("cluster: "))
        .map(l -> l.replaceAll("(search (started|finished)): .*", "$1")
            .replaceAll("^(wall time|executions/s|events/s|peak heap):.*", "$1")
            .replaceAll(", [0-9.]+ s\\)$", ")"))
        .reduce("", (x, y) -> x + y + "\n");
  }

  static long figure(Cli.Run r, String name) {
    Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + ":\\s+(\\d+)").matcher(r.out());
    assertTrue(m.find(), name + " in " + r);
    return Long.parseLong(m.group(1));
  }

  private void sameAsOneJvm(String... args) {
    Cli.Run local = Cli.run(args);
    List<String> withCluster = new ArrayList<>(List.of("--cluster", addresses));
    withCluster.addAll(List.of(args));
    Cli.Run cluster = Cli.run(withCluster.toArray(String[]::new));
    assertEquals(local.code(), cluster.code(), cluster.toString());
    for (String f : List.of("executions", "completed", "deadlocked", "bounded", "violations")) {
      assertEquals(figure(local, f), figure(cluster, f), f + ": " + cluster);
    }
    assertTrue(cluster.out().matches("(?s).*\ncluster: \\d+ subtrees? at depth \\d+ on 2 members, 0 resubmitted\n.*"),
        cluster.toString());
    assertEquals(untimed(local.out()), untimed(cluster.out()), "the report of the single-JVM run");
  }

  @Test
  void aVerifiedSearchGivesTheSingleJvmReport() {
    sameAsOneJvm("-q", EXAMPLES + "philosophers-ordered.jpf", "+philosophers.n=3", "+search.strategy=exhaustive");
  }

  @Test
  void everyViolationInMultipleErrorsModeIsTheSingleJvmOne() {
    sameAsOneJvm("-q", EXAMPLES + "philosophers.jpf", "+philosophers.n=3", "+search.strategy=exhaustive",
        "+search.multiple_errors=true", "+search.properties=deadlock,use-after-free,uncaught-exception");
  }

  @Test
  void theFirstViolationIsTheSequentialSearchsFirst() {
    sameAsOneJvm("-q", EXAMPLES + "philosophers.jpf", "+philosophers.n=3", "+search.strategy=exhaustive");
  }

  @Test
  void aPreemptionBoundCutsTheSameExecutions() {
    sameAsOneJvm("-q", EXAMPLES + "philosophers.jpf", "+philosophers.n=3", "+search.strategy=exhaustive",
        "+search.preemption_bound=1", "+search.multiple_errors=true");
  }

  @Test
  void aGivenSplitDepthIsUsed() {
    Cli.Run r = Cli.run("-q", "--cluster", addresses, EXAMPLES + "philosophers-ordered.jpf", "+philosophers.n=3",
        "+search.strategy=exhaustive", "+cluster.split_depth=2");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains(" at depth 2 on 2 members"), r.toString());
  }

  /** On a cluster of its own (two fresh members), so that the dead member is in no other test's member list. */
  @Test
  void aMemberThatDiesMidSearchLosesNoSubtree() {
    int healthyPort = freePort();
    int dyingPort = freePort();
    List<String> both = List.of("127.0.0.1:" + healthyPort, "127.0.0.1:" + dyingPort);
    ClusterMember.TaskHook dieOnSecond = (n, hz) -> {
      if (n == 2) {
        Thread.ofPlatform().start(() -> hz.getLifecycleService().terminate());
        try {
          Thread.sleep(30_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("member terminated");
        }
      }
    };
    ClusterMember healthy = ClusterMember.start("127.0.0.1", healthyPort, both, 1, Catalogs.load(), null);
    ClusterMember dying = ClusterMember.start("127.0.0.1", dyingPort, both, 1, Catalogs.load(), dieOnSecond);
    try {
      HazelcastInstance first = healthy.instance();
      long until = System.currentTimeMillis() + 20_000;
      while (first.getCluster().getMembers().size() < 2 && System.currentTimeMillis() < until) {
        Thread.onSpinWait();
      }
      String[] args = {"-q", EXAMPLES + "philosophers-ordered.jpf", "+philosophers.n=3",
          "+search.strategy=exhaustive", "+cluster.split_depth=3"};
      Cli.Run local = Cli.run(args);
      Cli.Run r = Cli.run("-q", "--cluster", String.join(",", both), args[1], args[2], args[3], args[4]);
      assertEquals(0, r.code(), r.toString());
      assertTrue(!dying.running(), "the member died");
      Matcher m = Pattern.compile("cluster: \\d+ subtrees at depth 3 on 2 members, (\\d+) resubmitted").matcher(r.out());
      assertTrue(m.find(), r.toString());
      assertTrue(Integer.parseInt(m.group(1)) >= 1, "its subtree was resubmitted: " + r);
      assertEquals(figure(local, "executions"), figure(r, "executions"), r.toString());
      assertEquals(figure(local, "completed"), figure(r, "completed"), r.toString());
      assertEquals(untimed(local.out()), untimed(r.out()));
    } finally {
      dying.close();
      healthy.close();
    }
  }

  @Test
  void theTimeLimitIsEnforcedOverTheWholeSearchByTheSubmitter() {
    Cli.Run r = Cli.run("-q", "--cluster", addresses, EXAMPLES + "philosophers-ordered.jpf", "+philosophers.n=4",
        "+search.strategy=exhaustive", "+search.time_limit=100ms");
    assertEquals(ExitCodes.BOUND, r.code(), r.toString());
    assertTrue(r.out().contains("search.time_limit"), r.toString());
    assertTrue(figure(r, "executions") < 64_000, "cut: " + r);
  }

  @Test
  void noMemberReachableIsAClusterErrorNamingTheAddresses() {
    String nobody = "127.0.0.1:" + freePort();
    long t0 = System.nanoTime();
    Cli.Run r = Cli.run("-q", "--cluster", nobody, EXAMPLES + "abba.jpf", "+search.strategy=exhaustive");
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(ExitCodes.CLUSTER, r.code(), r.toString());
    assertTrue(r.err().contains("no mmcheck cluster member reachable at " + nobody), r.toString());
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r);
    assertTrue(seconds < 20, "promptly: " + seconds + " s");
  }

  @Test
  void dporOnAClusterIsAConfigErrorBeforeTheClusterIsContacted() {
    String nobody = "127.0.0.1:" + freePort();
    Cli.Run r = Cli.run("-q", "--cluster", nobody, EXAMPLES + "abba.jpf");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("needs search.strategy = exhaustive, not dpor"), r.toString());
    Cli.Run key = Cli.run("-q", EXAMPLES + "abba.jpf", "+cluster.members=" + nobody);
    assertEquals(ExitCodes.USAGE, key.code(), key.toString());
  }

  @Test
  void maxExecutionsIsRejectedOnAClusterNamingTheKey() {
    Cli.Run r = Cli.run("-q", "--cluster", addresses, EXAMPLES + "abba.jpf", "+search.strategy=exhaustive",
        "+search.max_executions=10");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("search.max_executions"), r.toString());
  }

  /**
   * lock-order's graph spans every execution of a search; split over members it would see only
   * its subtrees and could answer "verified" where one JVM finds the cycle: refused, naming it.
   */
  @Test
  void aPropertyWithStateAcrossExecutionsIsRefusedOnACluster() {
    Cli.Run r = Cli.run("-q", "--cluster", addresses, EXAMPLES + "abba-lock-order.jpf", "+search.strategy=exhaustive");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("keeps state across executions") && r.err().contains("LockOrder"), r.toString());
    assertTrue(r.err().contains("search.properties"), r.toString());
    Cli.Run without = Cli.run("-q", "--cluster", addresses, EXAMPLES + "abba-lock-order.jpf",
        "+search.strategy=exhaustive", "+search.properties=deadlock");
    assertEquals(ExitCodes.VIOLATION, without.code(), without.toString());
  }

  /** With a progress stream, a cluster search prints how far it got (here after every subtree). */
  @Test
  void progressLinesCountSubtreesAndExecutions() {
    Runner runner = new Runner(Catalogs.load());
    java.nio.file.Path file = java.nio.file.Path.of(EXAMPLES + "philosophers-ordered.jpf");
    Prepared p = runner.prepare(file, runner.load(file, List.of("+philosophers.n=3", "+search.strategy=exhaustive")));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream progress = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
    dev.mmcheck.cli.cluster.ClusterSearch.Report r;
    try (dev.mmcheck.cli.cluster.ClusterSearch cs = dev.mmcheck.cli.cluster.ClusterSearch.connect(
        List.of(addresses.split(",")), java.time.Duration.ofSeconds(10))) {
      r = cs.run(p, new dev.mmcheck.engine.Checker.Control(), 2, progress, java.time.Duration.ZERO);
    }
    String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains(" subtrees at depth 2 for 2 member(s)"), text);
    Matcher last = Pattern.compile("cluster: (\\d+)/(\\d+) subtrees done, (\\d+) executions").matcher(text);
    String done = null;
    String total = null;
    long executions = -1;
    while (last.find()) {
      done = last.group(1);
      total = last.group(2);
      executions = Long.parseLong(last.group(3));
    }
    assertEquals(String.valueOf(r.subtrees()), total, text);
    assertEquals(total, done, "the last line counts every subtree: " + text);
    assertTrue(executions > 0 && executions <= r.result().statistics().executions(), text);
  }
}
