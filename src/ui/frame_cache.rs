//! Values the panels compute from the project and keep between frames, in egui's memory,
//! until what they were computed from changes: a panel reads the project each frame but
//! must not redo work that grows with the document (the rows of 2,000 events, the
//! candidates of a role) when nothing changed.

use std::sync::Arc;

/// The value kept under `id` if it was computed from `key`; otherwise `compute()`, kept
/// under `id` with `key` for the next frames.
pub fn cached<K, V>(ui: &egui::Ui, id: egui::Id, key: K, compute: impl FnOnce() -> V) -> Arc<V>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    let kept = ui.data(|d| d.get_temp::<Arc<(K, Arc<V>)>>(id));
    if let Some(kept) = kept.filter(|k| k.0 == key) {
        return Arc::clone(&kept.1);
    }
    let value = Arc::new(compute());
    ui.data_mut(|d| d.insert_temp(id, Arc::new((key, Arc::clone(&value)))));
    value
}
