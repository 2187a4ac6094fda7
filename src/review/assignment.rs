//! The assignment of rows to columns that maximises the total weight (the Kuhn–Munkres
//! or Hungarian algorithm), which CEAF needs to pair each key cluster with at most one
//! response cluster.
//!
//! Written here rather than taken from a crate because CEAF's weights are fractions
//! (`2|k∩r| / (|k|+|r|)`): the crates that solve it (pathfinding's `kuhn_munkres`)
//! want integer-like weights, and scaling fractions to integers would trade exactness
//! for overflow. This is the O(n²m) shortest-augmenting-path form with potentials
//! (Kuhn 1955, Munkres 1957, as Jonker and Volgenant arrange it), on `f64`; it only
//! compares and adds weights, so ties cannot make it loop. Checked against every
//! permutation on small matrices in the tests.

/// For each row of `weights` (rows of equal length), the column assigned to it, in an
/// assignment of rows to distinct columns with the largest total weight; `None` for a
/// row left without a column when there are more rows than columns.
pub fn max_weight_assignment(weights: &[Vec<f64>]) -> Vec<Option<usize>> {
    let rows = weights.len();
    let columns = weights.first().map_or(0, Vec::len);
    if rows == 0 || columns == 0 {
        return vec![None; rows];
    }
    if rows > columns {
        // The algorithm assigns every row: solve the transpose, and invert it.
        let transposed: Vec<Vec<f64>> = (0..columns)
            .map(|c| weights.iter().map(|row| row[c]).collect())
            .collect();
        let mut assigned = vec![None; rows];
        for (column, row) in max_weight_assignment(&transposed).into_iter().enumerate() {
            if let Some(row) = row {
                assigned[row] = Some(column);
            }
        }
        return assigned;
    }
    // Minimise the negated weights; index 0 is the algorithm's dummy row and column.
    let cost = |i: usize, j: usize| -weights[i - 1][j - 1];
    let (n, m) = (rows, columns);
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; m + 1];
    // The row assigned to each column (0: none), and the previous column on the path.
    let mut row_of = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        row_of[0] = i;
        let mut j0 = 0;
        let mut min_to = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = row_of[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let reduced = cost(i0, j) - u[i0] - v[j];
                if reduced < min_to[j] {
                    min_to[j] = reduced;
                    way[j] = j0;
                }
                if min_to[j] < delta {
                    delta = min_to[j];
                    j1 = j;
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[row_of[j]] += delta;
                    v[j] -= delta;
                } else {
                    min_to[j] -= delta;
                }
            }
            j0 = j1;
            if j0 == 0 || row_of[j0] == 0 {
                break;
            }
        }
        // Flip the augmenting path back to the dummy column.
        while j0 != 0 {
            let j1 = way[j0];
            row_of[j0] = row_of[j1];
            j0 = j1;
        }
    }
    let mut assigned = vec![None; n];
    for (j, &i) in row_of.iter().enumerate().skip(1) {
        if i > 0 {
            assigned[i - 1] = Some(j - 1);
        }
    }
    assigned
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn total(weights: &[Vec<f64>], assigned: &[Option<usize>]) -> f64 {
        assigned
            .iter()
            .enumerate()
            .filter_map(|(i, j)| j.map(|j| weights[i][j]))
            .sum()
    }

    /// The best total over every injective assignment of the smaller side.
    fn brute_force(weights: &[Vec<f64>]) -> f64 {
        fn go(weights: &[Vec<f64>], row: usize, used: &mut Vec<bool>) -> f64 {
            if row == weights.len() {
                return 0.0;
            }
            // The row may also stay unassigned (more rows than columns).
            let mut best = go(weights, row + 1, used);
            for j in 0..used.len() {
                if !used[j] {
                    used[j] = true;
                    best = best.max(weights[row][j] + go(weights, row + 1, used));
                    used[j] = false;
                }
            }
            best
        }
        let columns = weights.first().map_or(0, Vec::len);
        go(weights, 0, &mut vec![false; columns])
    }

    #[test]
    fn a_known_case_and_the_empty_ones() {
        let w = vec![
            vec![1.0, 2.0, 3.0],
            vec![2.0, 4.0, 6.0],
            vec![3.0, 6.0, 9.0],
        ];
        let assigned = max_weight_assignment(&w);
        assert_eq!(total(&w, &assigned), 14.0);
        assert_eq!(max_weight_assignment(&[]), Vec::<Option<usize>>::new());
        assert_eq!(max_weight_assignment(&[vec![], vec![]]), vec![None, None]);
        let tall = vec![vec![0.5], vec![0.9], vec![0.1]];
        assert_eq!(max_weight_assignment(&tall), vec![None, Some(0), None]);
    }

    proptest! {
        #[test]
        fn no_assignment_weighs_more(
            rows in 1..6usize,
            columns in 1..6usize,
            cells in prop::collection::vec(0u8..5, 36),
        ) {
            // Small integers over a few denominators: ties are frequent, as in CEAF.
            let weights: Vec<Vec<f64>> = (0..rows)
                .map(|i| (0..columns).map(|j| f64::from(cells[i * 6 + j]) / 3.0).collect())
                .collect();
            let assigned = max_weight_assignment(&weights);
            let mut seen = std::collections::BTreeSet::new();
            for j in assigned.iter().flatten() {
                prop_assert!(seen.insert(*j), "a column assigned twice");
            }
            prop_assert_eq!(assigned.iter().flatten().count(), rows.min(columns));
            prop_assert!((total(&weights, &assigned) - brute_force(&weights)).abs() < 1e-9);
        }
    }
}
