//! The metrics against `scorch` 0.2.0 (PyPI), on hand-made clusterings.
//!
//! The expected figures were printed by scorch 0.2.0 (Python 3.11, `pip install
//! scorch==0.2.0`) with this script, whose clusterings are those below:
//!
//! ```python
//! from scorch import scores
//! from statistics import mean
//! cases = {
//!     "pradhan": ([{"a","b","c"},{"d","e","f","g"}], [{"a","b"},{"c","d"},{"f","g","h","i"}]),
//!     "identical": ([{1,2,3},{4,5}], [{1,2,3},{4,5}]),
//!     "key_singletons": ([{1},{2},{3}], [{1,2},{3}]),
//!     "all_merged": ([{1,2},{3,4},{5}], [{1,2,3,4,5}]),
//!     "split": ([{1,2,3,4}], [{1,2},{3},{4}]),
//!     "empty_response": ([{1,2}], []),
//!     "crossed": ([{1,2,3},{4,5,6},{7,8}], [{1,2,4},{3,5,6,9},{7},{8,10}]),
//! }
//! for name, (k, r) in cases.items():
//!     m = scores.muc(k, r); b = scores.b_cubed(k, r); c = scores.ceaf_e(k, r)
//!     print(name, "muc", m, "b3", b, "ceafe", c, "conll", mean((m[2], b[2], c[2])))
//! ```
//!
//! scorch returns (recall, precision, F1), in that order. Two clusterings with no
//! mention in common make scorch's CEAF-e raise (`harmonic_mean` of two zeros); eventail
//! says 0 there, tested apart.

use super::*;

/// (key, response) from lists of clusters of mention names.
fn clusters(key: &[&[&str]], response: &[&[&str]]) -> (Clusters<String>, Clusters<String>) {
    let make = |list: &[&[&str]]| -> Clusters<String> {
        list.iter()
            .map(|c| c.iter().map(|m| m.to_string()).collect())
            .collect()
    };
    (make(key), make(response))
}

/// Checks each metric's (recall, precision, F1) and the CoNLL F1 against scorch's.
fn check(
    name: &str,
    (key, response): (Clusters<String>, Clusters<String>),
    expected: [[f64; 3]; 3],
    conll: f64,
) {
    let found = coreference_scores(&key, &response);
    for (metric, s, e) in [
        ("MUC", found.muc, expected[0]),
        ("B3", found.b3, expected[1]),
        ("CEAF-e", found.ceafe, expected[2]),
    ] {
        let got = [s.recall, s.precision, s.f1];
        for (g, e) in got.iter().zip(e) {
            assert!(
                (g - e).abs() < 1e-12,
                "{name} {metric}: {got:?}, scorch {e:?}"
            );
        }
    }
    assert!(
        (found.conll - conll).abs() < 1e-12,
        "{name}: {}",
        found.conll
    );
}

#[test]
fn the_figures_are_scorchs() {
    check(
        "pradhan",
        clusters(
            &[&["a", "b", "c"], &["d", "e", "f", "g"]],
            &[&["a", "b"], &["c", "d"], &["f", "g", "h", "i"]],
        ),
        [
            [0.4, 0.4, 0.4],
            [0.41666666666666663, 0.5, 0.45454545454545453],
            [0.65, 0.43333333333333335, 0.52],
        ],
        0.4581818181818182,
    );
    check(
        "identical",
        clusters(
            &[&["1", "2", "3"], &["4", "5"]],
            &[&["1", "2", "3"], &["4", "5"]],
        ),
        [[1.0; 3]; 3],
        1.0,
    );
    check(
        "key_singletons",
        clusters(&[&["1"], &["2"], &["3"]], &[&["1", "2"], &["3"]]),
        [
            [0.0; 3],
            [1.0, 0.6666666666666666, 0.8],
            [0.5555555555555555, 0.8333333333333333, 0.6666666666666665],
        ],
        0.4888888888888889,
    );
    check(
        "all_merged",
        clusters(
            &[&["1", "2"], &["3", "4"], &["5"]],
            &[&["1", "2", "3", "4", "5"]],
        ),
        [
            [1.0, 0.5, 0.6666666666666666],
            [1.0, 0.36, 0.5294117647058824],
            [0.19047619047619047, 0.5714285714285714, 0.2857142857142857],
        ],
        0.49393090569561154,
    );
    check(
        "split",
        clusters(&[&["1", "2", "3", "4"]], &[&["1", "2"], &["3"], &["4"]]),
        [
            [0.3333333333333333, 1.0, 0.5],
            [0.375, 1.0, 0.5454545454545455],
            [0.6666666666666666, 0.2222222222222222, 0.3333333333333333],
        ],
        0.4595959595959596,
    );
    check(
        "empty_response",
        clusters(&[&["1", "2"]], &[]),
        [[0.0; 3]; 3],
        0.0,
    );
    check(
        "crossed",
        clusters(
            &[&["1", "2", "3"], &["4", "5", "6"], &["7", "8"]],
            &[
                &["1", "2", "4"],
                &["3", "5", "6", "9"],
                &["7"],
                &["8", "10"],
            ],
        ),
        [
            [0.4, 0.3333333333333333, 0.36363636363636365],
            [0.5416666666666666, 0.4416666666666667, 0.4865819209039548],
            [0.6349206349206349, 0.47619047619047616, 0.5442176870748299],
        ],
        0.4648119905383828,
    );
}

#[test]
fn clusterings_with_nothing_in_common_score_zero() {
    let (key, response) = clusters(&[&["1", "2"]], &[&["3", "4"]]);
    assert_eq!(
        coreference_scores(&key, &response),
        CoreferenceScores::default()
    );
}
