//! Keeps the memory of a long run (a batch, watch) flat.
//!
//! glibc raises its mmap threshold each time it frees a large block that
//! it had mapped on its own (a PDF, a page image), after which blocks of
//! that size come from the heap and leave it in pieces that are never
//! given back. Measured with a batch of 10,000 documents writing to a
//! folder with a longer name: 444 MB at the end instead of 63 MB; with the
//! threshold fixed at glibc's own starting value, 63 MB in the same time.
//! Other allocators and systems are left as they are. Not the editor: it
//! makes the same page images at every keystroke, which the raised
//! threshold keeps on the heap, ready to reuse; mapped afresh each time,
//! they cost it 4-5 ms a keystroke.

/// glibc's starting threshold, kept from the first allocation on.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

/// Fixes the threshold; call before the run's threads start.
pub fn keep_flat() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets one of the allocator's parameters, which
    // glibc reads under its own lock; it touches no memory of ours.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}
