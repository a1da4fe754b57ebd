/**
 * Ghost API through which a model tells the part-3 properties ({@code fork-snapshot},
 * {@code no-spurious-sigsegv}, {@code vma-walk}) what its kernel paths are doing, without the
 * properties knowing the model's classes: an mm is seen through {@link
 * dev.mmcheck.model.ghost.AddressSpaceView}, a page through the {@link
 * dev.mmcheck.model.ghost.PageFrame} marker, a listed VMA through {@link
 * dev.mmcheck.model.ghost.ListedVma}, and the windows of fork, of a user access and of a
 * layout-changing syscall are ghost {@link dev.mmcheck.engine.Tracked} objects ({@link
 * dev.mmcheck.model.ghost.ForkWindow}, {@link dev.mmcheck.model.ghost.AccessWindow}, {@link
 * dev.mmcheck.model.ghost.LayoutOp}) whose events open and close them.
 *
 * <p>Ghost objects are never read by kernel paths. Their events (alloc, access, free) touch only
 * the ghost object itself, so DPOR orders them against other threads only through what the
 * properties read during the callbacks ({@code Cell.peek()} and friends), which the engine adds
 * to the current event's footprint: a property written against this API stays sound.
 *
 * <p>Any model can implement these interfaces (the 2017/2018 model does, in
 * {@code dev.mmcheck.model.v2017} / {@code v2018}); that is how another era reuses the
 * properties.
 */
package dev.mmcheck.model.ghost;
