/**
 * The seam through which a model's {@code mmap_sem} can be swapped: the engine's
 * {@link dev.mmcheck.engine.RwSem}, implemented by {@link dev.mmcheck.engine.RwSemaphore} and by
 * a full-range range lock ({@link dev.mmcheck.model.lock.FullRangeRwSem}, Laurent Dufour's step
 * 1, seed 003); {@link dev.mmcheck.model.lock.MmapSemKind} picks one. The 2.6 model
 * ({@code dev.mmcheck.model.v26.Mm26}) holds its {@code mmap_sem} through it.
 */
package dev.mmcheck.model.lock;
