//! A gate that background work (a save, the rest of a project being read) waits at
//! while a test holds it, so that a test can act while that work is under way, as a
//! person can on a slow disk. Open unless held.

use std::sync::{Arc, Condvar, Mutex, PoisonError};

/// Holds back the work that waits at it while a [`Hold`] lives.
#[derive(Clone, Default)]
pub struct Gate(Arc<(Mutex<usize>, Condvar)>);

impl Gate {
    /// Holds the work that comes to the gate from now on (and what waits at it) until
    /// the hold is dropped.
    pub fn hold(&self) -> Hold {
        let (holds, _) = &*self.0;
        *holds.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        Hold(self.clone())
    }

    /// Waits while a hold lives.
    pub fn wait(&self) {
        let (holds, released) = &*self.0;
        let mut held = holds.lock().unwrap_or_else(PoisonError::into_inner);
        while *held > 0 {
            held = released.wait(held).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// The work at the gate waits while this lives; see [`Gate`].
pub struct Hold(Gate);

impl Drop for Hold {
    fn drop(&mut self) {
        let (holds, released) = &*(self.0).0;
        let mut held = holds.lock().unwrap_or_else(PoisonError::into_inner);
        *held = held.saturating_sub(1);
        released.notify_all();
    }
}
