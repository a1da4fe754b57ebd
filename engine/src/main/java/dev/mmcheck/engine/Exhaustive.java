package dev.mmcheck.engine;

import java.util.List;

/** No reduction: every enabled thread (and every choice value) is explored at every scheduling point. */
final class Exhaustive implements Reduction {
  @Override
  public boolean sleepSets() {
    return false;
  }

  @Override
  public int first(Node node, Node parent, long candidates, int preferred) {
    node.backtrack = node.enabled;
    return preferred >= 0 && (candidates & (1L << preferred)) != 0 ? preferred : Long.numberOfTrailingZeros(candidates);
  }

  @Override
  public int initialChoice(Node node, int n) {
    return 0;
  }

  @Override
  public int nextChoice(Node node) {
    int v = node.choicesDone.nextClearBit(0);
    return v < node.choiceCount ? v : -1;
  }

  @Override
  public int nextThread(Node node) {
    long cand = node.backtrack & node.enabled & ~node.doneMask;
    return cand == 0 ? -1 : Long.numberOfTrailingZeros(cand);
  }

  @Override
  public void drop(Node node, int tid) {
    node.backtrack &= ~(1L << tid);
  }

  @Override
  public void afterExecution(Execution ex, List<Node> path, int from) {}
}
