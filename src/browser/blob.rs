//! A loaded file's bytes as the browser holds them: a `Blob` (a snapshot of the dropped `File`, a
//! kept one from IndexedDB, the sample as the engine made it). The page never copies them into its own
//! memory: a year's list is a hundred megabytes, and each copy on the page's thread is a frozen
//! moment. The engine worker reads the Blob on its own thread; IndexedDB keeps it as it is.

use js_sys::{Array, Uint8Array};
use send_wrapper::SendWrapper;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

#[derive(Clone, Debug)]
pub struct FileBytes(SendWrapper<Blob>);

impl FileBytes {
    pub fn of_blob(blob: Blob) -> FileBytes {
        FileBytes(SendWrapper::new(blob))
    }

    /// A chosen or dropped file as it is now: a copy the browser holds, so that a file changed or
    /// removed on disk afterwards (the user fixes it and drops it again) still reads as loaded.
    /// Copied a slice at a time, so that no single task on the page's thread copies a year's list
    /// (a Blob made of Blobs holds them by reference); never into the page's wasm memory.
    pub async fn snapshot(file: &web_sys::File) -> Result<FileBytes, String> {
        const SLICE: f64 = 8.0 * 1024.0 * 1024.0;
        let size = file.size();
        let parts = Array::new();
        let mut start = 0.0;
        while start < size {
            let slice = file.slice_with_f64_and_f64(start, (start + SLICE).min(size)).map_err(super::describe)?;
            let buffer = JsFuture::from(slice.array_buffer()).await.map_err(super::describe)?;
            let part = Blob::new_with_buffer_source_sequence(&Array::of1(&buffer)).map_err(super::describe)?;
            parts.push(&part);
            start += SLICE;
        }
        Blob::new_with_blob_sequence(&parts).map(FileBytes::of_blob).map_err(super::describe)
    }

    /// Bytes made in wasm (the sample town), copied once into a Blob.
    pub fn of_bytes(bytes: &[u8]) -> Result<FileBytes, String> {
        let parts = Array::of1(&Uint8Array::from(bytes));
        Blob::new_with_u8_array_sequence(&parts).map(FileBytes::of_blob).map_err(super::describe)
    }

    pub fn blob(&self) -> &Blob {
        &self.0
    }

    pub fn size(&self) -> u64 {
        self.0.size() as u64
    }
}
