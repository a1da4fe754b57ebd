package dev.mmcheck.model.ghost;

/**
 * A model's page-frame object ({@code struct page}): the {@code fork-snapshot} property checks
 * copy-on-write isolation at every write to a contents cell of such an object. The implementing
 * class must be a {@link dev.mmcheck.engine.Tracked} whose contents are some of its cells.
 */
public interface PageFrame {
  /** Whether the cell named {@code cellName} (e.g. {@code mm.page0.data}) holds the page's contents. */
  boolean isContents(String cellName);
}
