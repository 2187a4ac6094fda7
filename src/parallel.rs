//! Work spread over threads, its results kept in order: for the loops over thousands of
//! documents or files that are independent of each other (parsing a project's
//! documents, rendering an export, writing and syncing its files), which would
//! otherwise leave all cores but one idle, or wait for the disk one file at a time.

/// How many threads CPU-bound work uses: one per core.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `work` applied to each of `items`, on up to `threads` threads (the calling thread is
/// one of them), each taking a contiguous run; the results in the order of `items`. A
/// thread that cannot be started leaves its run to the calling thread.
pub(crate) fn map_in_order<T, R, F>(items: &[T], threads: usize, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(&work).collect();
    }
    let run = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let mut runs = items.chunks(run);
        let first = runs.next().unwrap_or(&[]);
        let started: Vec<_> = runs
            .map(|items| {
                let thread = std::thread::Builder::new()
                    .name("eventail worker".into())
                    .spawn_scoped(scope, move || items.iter().map(work).collect::<Vec<R>>());
                (items, thread)
            })
            .collect();
        let mut results: Vec<R> = first.iter().map(work).collect();
        for (items, thread) in started {
            match thread.map(|t| t.join()) {
                Ok(Ok(done)) => results.extend(done),
                // Not started: done here. (A panic in `work` is a bug; it is
                // passed on.)
                Err(_) => results.extend(items.iter().map(work)),
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
            }
        }
        results
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_the_threads() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [0, 1, 2, 3, 16, 5000] {
            let doubled = map_in_order(&items, threads, |n| n * 2);
            assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        }
        assert!(map_in_order(&[] as &[u8], 4, |b| *b).is_empty());
    }
}
