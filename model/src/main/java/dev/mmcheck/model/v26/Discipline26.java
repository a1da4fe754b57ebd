package dev.mmcheck.model.v26;

import java.util.List;
import java.util.Map;

/**
 * One part-2 era's locking discipline ({@link Era26} has the table). {@link #withOverrides}
 * flips single knobs from scenario parameters {@code mm.<knob>=true|false|era}.
 *
 * @param writeCopyUnderPageLock {@code generic_file_buffered_write} copies from the user buffer
 *     with faults enabled while holding the destination page lock (2.6.23; false = 08291429cfa6)
 * @param madviseRemoveDropsMmapSem {@code madvise_remove} drops mmap_sem before
 *     {@code vmtruncate_range} takes i_mutex (4879e0dfe9c9 / 90ed52ebe481)
 * @param faultAllowRetry the arch fault handler passes {@code FAULT_FLAG_ALLOW_RETRY}:
 *     {@code filemap_fault} drops mmap_sem instead of sleeping on a locked page (d065bd810b6d)
 * @param retryRelooksUpVma after {@code VM_FAULT_RETRY} the handler calls {@code find_vma} again
 *     (the kernel does; false is the bug the fault-retry property is about)
 * @param faultDropsMmapSem a fault calls {@code ->fault} without mmap_sem (2013 proposal)
 * @param seqValidate what such a fault validates after the filesystem call
 * @param gupDropsMmapSem {@code get_user_pages} also drops mmap_sem before calling into the
 *     filesystem ("it must be dropped in every path", seed 001); false = it still calls
 *     {@code ->fault} with mmap_sem held
 */
public record Discipline26(boolean writeCopyUnderPageLock, boolean madviseRemoveDropsMmapSem,
    boolean faultAllowRetry, boolean retryRelooksUpVma, boolean faultDropsMmapSem, SeqValidate seqValidate,
    boolean gupDropsMmapSem) {

  /** How a fault that ran {@code ->fault} without mmap_sem checks that the mapping is unchanged. */
  public enum SeqValidate {
    /** No check: install the page into whatever is mapped there now. */
    NONE,
    /** A per-VMA counter of the VMA found at the address: blind to a replaced VMA (Hugh Dickins). */
    VMA,
    /** An mm-wide seqcount bumped by every address-space change (the proposal as stated). */
    MM
  }

  /** Knob names, as config keys without the {@code mm.} prefix. */
  public static final List<String> KNOBS = List.of("writeCopyUnderPageLock", "madviseRemoveDropsMmapSem",
      "faultAllowRetry", "retryRelooksUpVma", "faultDropsMmapSem", "seqValidate", "gupDropsMmapSem");

  /** Applies {@code mm.<knob>} overrides; absent, blank or {@code era} keeps the era's value. */
  public Discipline26 withOverrides(Map<String, String> p) {
    return new Discipline26(bool(p, "writeCopyUnderPageLock", writeCopyUnderPageLock),
        bool(p, "madviseRemoveDropsMmapSem", madviseRemoveDropsMmapSem),
        bool(p, "faultAllowRetry", faultAllowRetry),
        bool(p, "retryRelooksUpVma", retryRelooksUpVma),
        bool(p, "faultDropsMmapSem", faultDropsMmapSem),
        given(p, "mm.seqValidate") ? SeqValidate.valueOf(p.get("mm.seqValidate").trim()) : seqValidate,
        bool(p, "gupDropsMmapSem", gupDropsMmapSem));
  }

  private static boolean given(Map<String, String> p, String key) {
    String v = p.get(key);
    return v != null && !v.isBlank() && !v.trim().equals("era");
  }

  private static boolean bool(Map<String, String> p, String knob, boolean dflt) {
    if (!given(p, "mm." + knob)) {
      return dflt;
    }
    String v = p.get("mm." + knob).trim();
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("mm." + knob + " must be true, false or era, not '" + v + "'");
    };
  }
}
