//! Three-way merging of one value and of a list taken as a set: the rules every part
//! of the merge follows.

use std::collections::HashSet;
use std::hash::Hash;

/// Which side of the merge something comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    /// The branch being merged into (git's `%A`).
    Ours,
    /// The branch merged in (git's `%B`).
    Theirs,
}

impl Side {
    /// The other side.
    pub(super) fn other(self) -> Side {
        match self {
            Side::Ours => Side::Theirs,
            Side::Theirs => Side::Ours,
        }
    }
}

/// One value merged three ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Merged<T> {
    /// Both sides agree, or only one changed it: this value, and the side it came from
    /// (ours when both have it).
    Agreed(T, Side),
    /// Both changed it, each in its own way.
    Conflict {
        /// Ours.
        ours: T,
        /// Theirs.
        theirs: T,
    },
}

/// `base` as changed by `ours` and `theirs`: unchanged on one side, the other side's;
/// the same change on both, that change; different changes, a conflict.
pub(super) fn merge3<T: PartialEq + Copy>(base: T, ours: T, theirs: T) -> Merged<T> {
    if ours == theirs || theirs == base {
        Merged::Agreed(ours, Side::Ours)
    } else if ours == base {
        Merged::Agreed(theirs, Side::Theirs)
    } else {
        Merged::Conflict { ours, theirs }
    }
}

/// A list merged as a set of items: ours' items (in ours' order) less those theirs
/// removed (in base, not in theirs), then those theirs added (in neither base nor ours,
/// in theirs' order), each with the side it comes from. Items are told apart by `key`,
/// which must tell them apart exactly as `==` does; hashing keeps it linear.
pub(super) fn merge_set<'a, T, K: Hash + Eq>(
    base: &'a [T],
    ours: &'a [T],
    theirs: &'a [T],
    key: impl Fn(&'a T) -> K,
) -> Vec<(Side, &'a T)> {
    let keys = |list: &'a [T]| list.iter().map(&key).collect::<HashSet<K>>();
    let (in_base, in_ours, in_theirs) = (keys(base), keys(ours), keys(theirs));
    let kept = ours.iter().filter(|item| {
        let k = key(item);
        in_theirs.contains(&k) || !in_base.contains(&k)
    });
    let mut added = HashSet::new();
    let theirs_added = theirs.iter().filter(|item| {
        let k = key(item);
        !in_base.contains(&k) && !in_ours.contains(&k) && added.insert(k)
    });
    kept.map(|item| (Side::Ours, item))
        .chain(theirs_added.map(|item| (Side::Theirs, item)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_takes_the_one_change_or_conflicts() {
        assert_eq!(merge3(1, 1, 2), Merged::Agreed(2, Side::Theirs));
        assert_eq!(merge3(1, 2, 1), Merged::Agreed(2, Side::Ours));
        assert_eq!(merge3(1, 3, 3), Merged::Agreed(3, Side::Ours));
        assert_eq!(merge3(1, 2, 3), Merged::Conflict { ours: 2, theirs: 3 });
        assert_eq!(
            merge3(Some(1), None, Some(2)),
            Merged::Conflict {
                ours: None,
                theirs: Some(2)
            }
        );
    }

    #[test]
    fn a_set_keeps_what_either_side_added_and_drops_what_either_removed() {
        let merged = merge_set(&[1, 2, 3], &[1, 3, 4], &[2, 3, 5, 4, 5], |&x| x);
        let items: Vec<(Side, i32)> = merged.into_iter().map(|(s, &x)| (s, x)).collect();
        assert_eq!(
            items,
            [(Side::Ours, 3), (Side::Ours, 4), (Side::Theirs, 5),]
        );
    }
}
