package dev.mmcheck.engine;

import java.util.List;

/** No reduction: every enabled thread is explored at every scheduling point. */
final class Exhaustive implements Reduction {
  @Override
  public void initBacktrack(Node node) {
    node.backtrack = node.enabled;
  }

  @Override
  public boolean sleepSets() {
    return false;
  }

  @Override
  public void afterExecution(Execution ex, List<Node> path) {}
}
