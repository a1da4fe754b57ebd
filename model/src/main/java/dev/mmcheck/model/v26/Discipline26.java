package dev.mmcheck.model.v26;

import static dev.mmcheck.model.Knobs.bool;
import static dev.mmcheck.model.Knobs.given;

import java.util.List;
import java.util.Map;

/**
 * One part-2 era's locking discipline ({@link Era26} has the table). {@link #withOverrides}
 * flips single knobs from scenario parameters {@code mm.<knob>=true|false|era}.
 *
 * @param writeCopyUnderPageLock {@code generic_file_buffered_write} copies from the user buffer
 *     with faults enabled while holding the destination page lock (2.6.20 / 2.6.23; false =
 *     08291429cfa6, 2.6.24)
 * @param faultLocksPage the file's fault method returns the page locked: 2.6.23+ {@code ->fault}
 *     ({@code filemap_fault}: {@code find_lock_page}, {@code VM_FAULT_LOCKED}; 2.6.24
 *     {@code __do_fault} locks a page returned unlocked); false = 2.6.20 {@code ->nopage}
 *     ({@code filemap_nopage} locks a page only to read it in; {@code do_no_page} installs it
 *     unlocked)
 * @param madviseRemoveMmapSemWrite {@code sys_madvise} takes mmap_sem for write for
 *     {@code MADV_REMOVE} (2.6.20: {@code down_write} for every behaviour); false =
 *     {@code madvise_need_mmap_write()} returns 0 for it, {@code down_read} (Nick Piggin, Apr 2007)
 * @param madviseRemoveDropsMmapSem {@code madvise_remove} drops mmap_sem around
 *     {@code vmtruncate_range}, which takes i_mutex (Hugh Dickins, "holepunch: fix mmap_sem
 *     i_mutex deadlock", Mar 2007)
 * @param faultAllowRetry the arch fault handler passes {@code FAULT_FLAG_ALLOW_RETRY}:
 *     {@code filemap_fault} drops mmap_sem instead of sleeping on a locked page (d065bd810b6d)
 * @param retryRelooksUpVma after {@code VM_FAULT_RETRY} the handler calls {@code find_vma} again
 *     (the kernel does; false is a mutation, the bug the fault-retry property is about)
 * @param faultDropsMmapSem a fault calls {@code ->fault} without mmap_sem (2013 proposal)
 * @param seqValidate what such a fault validates after the filesystem call
 * @param vmaFreeDeferred munmap frees a VMA after an SRCU grace period ({@code call_srcu}) and the
 *     mmap_sem-less fault holds {@code srcu_read_lock} from its lookup to its validation, so the
 *     VMA it passes to {@code ->fault} stays allocated (the SPF series' {@code vma_srcu}); false =
 *     {@code kmem_cache_free} at once
 * @param gupDropsMmapSem {@code get_user_pages} also drops mmap_sem before calling into the
 *     filesystem ("it must be dropped in every path", seed 001); false = it still calls
 *     {@code ->fault} with mmap_sem held
 */
public record Discipline26(boolean writeCopyUnderPageLock, boolean faultLocksPage, boolean madviseRemoveMmapSemWrite,
    boolean madviseRemoveDropsMmapSem, boolean faultAllowRetry, boolean retryRelooksUpVma, boolean faultDropsMmapSem,
    SeqValidate seqValidate, boolean vmaFreeDeferred, boolean gupDropsMmapSem) {

  /** How a fault that ran {@code ->fault} without mmap_sem checks that its mapping is unchanged. */
  public enum SeqValidate {
    /** No check: install the page into whatever is mapped there now. */
    NONE,
    /** Only whether the fault's own VMA was detached ({@code RB_EMPTY_NODE(&vma->vm_rb)}). */
    DETACH,
    /**
     * The speculative-page-fault check {@code vma_has_changed()} on the fault's own VMA: detached,
     * or its {@code vm_sequence} moved since the lookup (every change to the VMA bumps it).
     */
    VMA,
    /** An mm-wide seqcount bumped by every address-space change (seed 001's proposal as stated). */
    MM
  }

  /** Knob names, as config keys without the {@code mm.} prefix. */
  public static final List<String> KNOBS = List.of("writeCopyUnderPageLock", "faultLocksPage",
      "madviseRemoveMmapSemWrite", "madviseRemoveDropsMmapSem", "faultAllowRetry", "retryRelooksUpVma",
      "faultDropsMmapSem", "seqValidate", "vmaFreeDeferred", "gupDropsMmapSem");

  /** True if detaching a VMA must clear {@code vm_rb} (a per-VMA validation reads it). */
  public boolean clearsVmRb() {
    return faultDropsMmapSem && (seqValidate == SeqValidate.DETACH || seqValidate == SeqValidate.VMA);
  }

  /** True if changes to a VMA bump its {@code vm_sequence}. */
  public boolean bumpsVmSequence() {
    return faultDropsMmapSem && seqValidate == SeqValidate.VMA;
  }

  /** True if address-space changes bump the mm-wide {@code mm_seq}. */
  public boolean bumpsMmSeq() {
    return faultDropsMmapSem && seqValidate == SeqValidate.MM;
  }

  /** Applies {@code mm.<knob>} overrides; absent, blank or {@code era} keeps the era's value. */
  public Discipline26 withOverrides(Map<String, String> p) {
    return new Discipline26(bool(p, "writeCopyUnderPageLock", writeCopyUnderPageLock),
        bool(p, "faultLocksPage", faultLocksPage),
        bool(p, "madviseRemoveMmapSemWrite", madviseRemoveMmapSemWrite),
        bool(p, "madviseRemoveDropsMmapSem", madviseRemoveDropsMmapSem),
        bool(p, "faultAllowRetry", faultAllowRetry),
        bool(p, "retryRelooksUpVma", retryRelooksUpVma),
        bool(p, "faultDropsMmapSem", faultDropsMmapSem),
        given(p, "mm.seqValidate") ? seq(p.get("mm.seqValidate").trim()) : seqValidate,
        bool(p, "vmaFreeDeferred", vmaFreeDeferred),
        bool(p, "gupDropsMmapSem", gupDropsMmapSem));
  }

  private static SeqValidate seq(String v) {
    for (SeqValidate s : SeqValidate.values()) {
      if (s.name().equals(v)) {
        return s;
      }
    }
    throw new IllegalArgumentException("mm.seqValidate must be NONE, DETACH, VMA, MM or era, not '" + v + "'");
  }


}
