package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Semaphore;

/**
 * A file (its {@code struct file} and {@code inode} folded into one): {@code i_sem} and the
 * on-disk blocks, one cell per page. A block's value records which page's data was last written
 * there, so a write-back at the wrong file offset is visible as {@code data != offset}.
 * Linux 2.2 {@code include/linux/fs.h}; the page cache itself is not modelled separately: a
 * page-cache page is named by its file offset.
 */
public final class Inode {
  /**
   * What one block holds.
   *
   * @param offset the block's file offset (its own index)
   * @param data the file offset of the page whose contents were written here
   */
  public record Block(String file, int offset, int data) {
    @Override
    public String toString() {
      return file + "[" + offset + "]<-page " + data;
    }
  }

  private final String name;
  /** {@code inode->i_sem}: taken by {@code filemap_write_page()} around the write; may sleep. */
  public final Semaphore iSem;
  private final Cell<?>[] blocks;
  /** Where a write beyond the end of the file lands (it extends the file in the kernel). */
  private final Cell<Block> beyondEof;

  /** A file of {@code pages} pages, block i initially holding page i. */
  public Inode(String name, int pages) {
    this.name = name;
    this.iSem = new Semaphore(name + ".i_sem", 1);
    this.blocks = new Cell<?>[pages];
    for (int i = 0; i < pages; i++) {
      blocks[i] = new Cell<>(name + ".block[" + i + "]", new Block(name, i, i));
    }
    this.beyondEof = new Cell<>(name + ".block[eof]", null);
  }

  public String name() {
    return name;
  }

  public int pages() {
    return blocks.length;
  }

  /** Writes page {@code data}'s contents to block {@code offset}: a scheduling point. */
  @SuppressWarnings("unchecked")
  public void writeBlock(int offset, int data) {
    if (offset < 0 || offset >= blocks.length) {
      beyondEof.set(new Block(name, offset, data));
      return;
    }
    ((Cell<Block>) blocks[offset]).set(new Block(name, offset, data));
  }

  @Override
  public String toString() {
    return name;
  }
}
