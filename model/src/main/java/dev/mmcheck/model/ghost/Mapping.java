package dev.mmcheck.model.ghost;

/**
 * What covers an address, as user space could observe it: the VMA's bounds, its protection
 * ({@code "rw"}, {@code "r-"}, ...) and whether it is a shared mapping. The VMA's identity is
 * deliberately not part of it: a forked child's copy of a VMA is an equal mapping.
 */
public record Mapping(int start, int end, String prot, boolean shared) {
  @Override
  public String toString() {
    return "[" + start + "," + end + ")" + prot + (shared ? "s" : "p");
  }
}
