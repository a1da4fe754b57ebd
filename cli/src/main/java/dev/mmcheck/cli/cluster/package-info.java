/**
 * The exhaustive search on a cluster of JVMs through Hazelcast (cli/README.md, "Running on a
 * cluster"). {@link dev.mmcheck.cli.cluster.ClusterMember} is one member: an embedded Hazelcast
 * member with an executor that runs subtree searches. {@link dev.mmcheck.cli.cluster.ClusterSearch}
 * is the submitter: a Hazelcast client that cuts the search into schedule prefixes
 * ({@link dev.mmcheck.engine.Checker#split}), hands each to a member as a
 * {@link dev.mmcheck.cli.cluster.SubtreeTask}, re-queues the tasks of members that die, and
 * merges the {@link dev.mmcheck.cli.cluster.SubtreeResult}s in depth-first order into the result
 * a single-JVM exhaustive search gives. No static mutable state: per-member and per-search state
 * lives in instances (the member's in its Hazelcast user context).
 */
package dev.mmcheck.cli.cluster;
