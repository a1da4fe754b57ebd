package dev.mmcheck.cli;

import dev.mmcheck.cli.cluster.ClusterMember;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmcheck cluster-member [--port P] [--bind ADDR] [--members host:port,...] [--threads N]}:
 * runs one member of an mmcheck cluster ({@link ClusterMember}) until the process is stopped
 * (SIGTERM or Ctrl-C: Hazelcast's shutdown hook leaves the cluster cleanly). Prints one line,
 * {@code mmcheck cluster member listening on ADDR:PORT}, once it accepts subtrees.
 */
@Command(name = "cluster-member", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Run a member of an mmcheck cluster: it takes subtrees of exhaustive searches that",
        "'mmcheck --cluster host:port,... config.jpf' submits, until stopped (Ctrl-C, SIGTERM).",
        "Every member needs the same checkout (and the same paths of user classes) as the submitter."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "2:bad usage", "6:the member could not start (e.g. the port is taken)"})
final class ClusterMemberCommand implements Callable<Integer> {
  private final Env env;

  @Option(names = "--port", paramLabel = "P", description = "the TCP port to listen on (default ${DEFAULT-VALUE})")
  int port = ClusterMember.DEFAULT_PORT;

  @Option(names = "--bind", paramLabel = "ADDR", description = "the address to bind to and announce to the others"
      + " (this machine's address on the cluster's network; default: Hazelcast's choice)")
  String bind;

  @Option(names = "--members", paramLabel = "HOST:PORT", split = ",",
      description = "other members to join (comma separated); the cluster forms from those that are up")
  List<String> members = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "subtrees searched at once (default ${DEFAULT-VALUE};"
      + " each search runs its model threads one at a time, so up to one per core)")
  int threads = 1;

  ClusterMemberCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (threads < 1 || port < 1 || port > 65535) {
      env.err().println("error: --threads must be at least 1 and --port within 1..65535");
      return ExitCodes.USAGE;
    }
    VirtualThreads.atLeast(threads);
    ClusterMember m;
    try {
      m = ClusterMember.start(bind, port, members, threads, env.catalogs(), null);
    } catch (IllegalStateException e) {
      env.err().println("error: " + e.getMessage());
      env.err().println("  hint: another process may hold the port; choose one with --port");
      return ExitCodes.CLUSTER;
    }
    env.out().println("mmcheck cluster member listening on " + m.address() + " (" + threads + " thread"
        + (threads == 1 ? "" : "s") + ", cluster of " + m.instance().getCluster().getMembers().size() + ")");
    env.out().flush();
    m.awaitShutdown();
    return ExitCodes.VERIFIED;
  }
}
