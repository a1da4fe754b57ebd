/**
 * The seam through which a model's {@code mmap_sem} can be swapped: {@link
 * dev.mmcheck.model.lock.MmapSem}, implemented by the kernel rw_semaphore ({@link
 * dev.mmcheck.model.lock.RwsemMmapSem}) and by a full-range range lock ({@link
 * dev.mmcheck.model.lock.FullRangeMmapSem}, Laurent Dufour's step 1, seed 003). The 2.6 model
 * ({@code dev.mmcheck.model.v26.Mm26}) holds its {@code mmap_sem} through it.
 */
package dev.mmcheck.model.lock;
