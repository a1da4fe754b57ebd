package dev.mmcheck.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" candidates by edit distance. */
final class Suggestions {

  private Suggestions() {}

  /**
   * Up to {@code max} candidates close to {@code word}, closest first (ties by name): those within
   * an edit distance of a third of the word's length (at least 2), or sharing its
   * {@code section.} prefix when that is the only thing that matches.
   */
  static List<String> closest(String word, Collection<String> candidates, int max) {
    int limit = Math.max(2, word.length() / 3);
    Comparator<String> byDistance =
        Comparator.<String>comparingInt(c -> distance(word, c)).thenComparing(c -> c);
    List<String> near = candidates.stream()
        .filter(c -> distance(word, c) <= limit)
        .sorted(byDistance)
        .limit(max)
        .toList();
    if (!near.isEmpty()) {
      return near;
    }
    int dot = word.lastIndexOf('.');
    if (dot <= 0) {
      return List.of();
    }
    String section = word.substring(0, dot + 1);
    return candidates.stream()
        .filter(c -> c.startsWith(section))
        .sorted(byDistance)
        .limit(max)
        .toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
