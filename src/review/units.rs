//! Agreement of any number of annotators character by character: every character of
//! every compared document is a unit, and an annotator's value for it is the sorted set
//! of entity types of their mentions covering it ("none" when none does). Krippendorff's
//! alpha (nominal) and Fleiss' kappa are computed over these units.
//!
//! Characters are not visited one by one: the text is cut where any annotator's
//! coverage changes, and each stretch counts as that many identical units, so a 1 MB
//! article with a few thousand mentions costs a few thousand steps.

use super::align::Alignment;
use crate::model::Document;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Agreement over character units.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CharacterAgreement {
    /// Krippendorff's alpha, nominal; 1 when the expected disagreement is 0.
    pub alpha: f64,
    /// Fleiss' kappa; 1 when chance agreement is 1.
    pub fleiss_kappa: f64,
    /// How many characters were compared.
    pub units: usize,
}

/// Alpha and Fleiss' kappa over the characters of every compared document, among all
/// the projects of `alignment`.
pub fn character_agreement(alignment: &Alignment<'_>) -> CharacterAgreement {
    let all: Vec<usize> = (0..alignment.projects).collect();
    character_agreement_among(alignment, &all)
}

/// Alpha and Fleiss' kappa among some of the projects of `alignment` (positions), on
/// the documents that every aligned project shares.
pub fn character_agreement_among(
    alignment: &Alignment<'_>,
    projects: &[usize],
) -> CharacterAgreement {
    let mut tally = Tally::default();
    for doc in alignment.documents() {
        let versions: Vec<&Document> = projects
            .iter()
            .filter_map(|&p| doc.versions.get(p).copied())
            .collect();
        add_document(&versions, &mut tally);
    }
    tally.agreement(projects.len())
}

/// Sums over units: per value, how often it was given; per pair of values, the
/// coincidences; and the sum of Fleiss' per-unit agreement.
#[derive(Default)]
struct Tally {
    /// Every distinct value (a set of types), numbered in order of first sight.
    values: HashMap<Vec<String>, usize>,
    /// Coincidence matrix of alpha: (value, value) → weight.
    coincidences: BTreeMap<(usize, usize), f64>,
    /// How many times each value was given, over all units and annotators.
    given: BTreeMap<usize, f64>,
    /// Sum over units of Fleiss' P_i (times the stretch's length).
    fleiss_agreement: f64,
    /// Units counted.
    units: usize,
}

impl Tally {
    fn value(&mut self, types: Vec<String>) -> usize {
        let next = self.values.len();
        *self.values.entry(types).or_insert(next)
    }

    /// A stretch of `length` characters on which annotator `k` gave `values[k]`.
    fn add_stretch(&mut self, values: &[usize], length: usize) {
        let m = values.len();
        if m < 2 || length == 0 {
            return;
        }
        let weight = length as f64;
        let mut counts: BTreeMap<usize, f64> = BTreeMap::new();
        for &v in values {
            *counts.entry(v).or_default() += 1.0;
        }
        let pairs = (m - 1) as f64;
        for (&c, &nc) in &counts {
            for (&k, &nk) in &counts {
                let same = if c == k { 1.0 } else { 0.0 };
                *self.coincidences.entry((c, k)).or_default() += weight * nc * (nk - same) / pairs;
            }
            *self.given.entry(c).or_default() += weight * nc;
        }
        let m = m as f64;
        let squares: f64 = counts.values().map(|n| n * n).sum();
        self.fleiss_agreement += weight * (squares - m) / (m * (m - 1.0));
        self.units += length;
    }

    fn agreement(&self, annotators: usize) -> CharacterAgreement {
        let n: f64 = self.given.values().sum();
        // Alpha: 1 - (n - 1) * observed disagreement / expected disagreement.
        let observed: f64 = self
            .coincidences
            .iter()
            .filter(|((c, k), _)| c != k)
            .map(|(_, o)| o)
            .sum();
        let mut expected = 0.0;
        for (&c, &nc) in &self.given {
            for (&k, &nk) in &self.given {
                if c != k {
                    expected += nc * nk;
                }
            }
        }
        let alpha = if expected == 0.0 {
            1.0
        } else {
            1.0 - (n - 1.0) * observed / expected
        };
        // Fleiss: mean per-unit agreement against the chance of two random values.
        let units = self.units as f64;
        let fleiss_kappa = if self.units == 0 || annotators < 2 {
            1.0
        } else {
            let mean = self.fleiss_agreement / units;
            let chance: f64 = self.given.values().map(|g| (g / n).powi(2)).sum();
            if (1.0 - chance).abs() < f64::EPSILON {
                1.0
            } else {
                (mean - chance) / (1.0 - chance)
            }
        };
        CharacterAgreement {
            alpha,
            fleiss_kappa,
            units: self.units,
        }
    }
}

/// Cuts the document where any annotator's coverage changes and tallies each stretch.
fn add_document(versions: &[&Document], tally: &mut Tally) {
    let Some(first) = versions.first() else {
        return;
    };
    let len = first.char_len();
    // (position, annotator, type, +1 at a start / -1 at an end)
    let mut changes: Vec<(usize, usize, &str, i32)> = Vec::new();
    for (k, doc) in versions.iter().enumerate() {
        for m in &doc.mentions {
            for r in &m.ranges {
                let (start, end) = (r.start.min(len), r.end.min(len));
                if start < end {
                    changes.push((start, k, &m.entity_type, 1));
                    changes.push((end, k, &m.entity_type, -1));
                }
            }
        }
    }
    changes.sort_unstable();
    let mut covering: Vec<BTreeMap<&str, i32>> = vec![BTreeMap::new(); versions.len()];
    let mut values: Vec<usize> = vec![tally.value(Vec::new()); versions.len()];
    let mut at = 0;
    let mut i = 0;
    while at < len {
        let next = changes.get(i).map_or(len, |c| c.0.min(len));
        tally.add_stretch(&values, next - at);
        at = next;
        let mut touched = vec![false; versions.len()];
        while let Some(&(position, k, type_name, delta)) = changes.get(i)
            && position == at
        {
            let count = covering[k].entry(type_name).or_default();
            *count += delta;
            if *count <= 0 {
                covering[k].remove(type_name);
            }
            touched[k] = true;
            i += 1;
        }
        for (k, _) in touched.iter().enumerate().filter(|(_, t)| **t) {
            let types: Vec<String> = covering[k].keys().map(|t| t.to_string()).collect();
            values[k] = tally.value(types);
        }
        if next == len {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tally of units given directly: each unit's values, one per annotator.
    fn tally_of(units: &[&[usize]]) -> CharacterAgreement {
        let mut tally = Tally::default();
        for values in units {
            tally.add_stretch(values, 1);
        }
        tally.agreement(units.first().map_or(0, |u| u.len()))
    }

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-12
    }

    #[test]
    fn perfect_agreement_is_one() {
        let result = tally_of(&[&[0, 0], &[1, 1], &[0, 0]]);
        assert!(close(result.alpha, 1.0));
        assert!(close(result.fleiss_kappa, 1.0));
    }

    /// Reference values from the `krippendorff` Python package (0.9.0),
    /// `alpha(reliability_data=[a, b], level_of_measurement="nominal")`, and statsmodels
    /// (0.15), `fleiss_kappa(aggregate_raters(np.array([a, b]).T)[0], method="fleiss")`.
    #[test]
    fn two_coders_match_the_reference_implementations() {
        let a = [1, 2, 3, 3, 2, 1, 4, 1, 2];
        let b = [1, 2, 3, 3, 2, 2, 4, 1, 2];
        let units: Vec<[usize; 2]> = a.iter().zip(&b).map(|(&x, &y)| [x, y]).collect();
        let slices: Vec<&[usize]> = units.iter().map(|u| u.as_slice()).collect();
        let result = tally_of(&slices);
        assert!(
            close(result.alpha, 0.852_173_913_043_478_2),
            "{}",
            result.alpha
        );
        assert!(
            close(result.fleiss_kappa, 0.843_478_260_869_565_1),
            "{}",
            result.fleiss_kappa
        );
    }

    /// Three coders, reference values as above:
    /// `d = [[0,0,1,1,2,0,0,1], [0,1,1,1,2,0,0,0], [0,0,1,2,2,0,1,1]]`.
    #[test]
    fn three_coders_match_the_reference_implementations() {
        let d = [
            [0, 0, 1, 1, 2, 0, 0, 1],
            [0, 1, 1, 1, 2, 0, 0, 0],
            [0, 0, 1, 2, 2, 0, 1, 1],
        ];
        let units: Vec<[usize; 3]> = (0..8).map(|u| [d[0][u], d[1][u], d[2][u]]).collect();
        let slices: Vec<&[usize]> = units.iter().map(|u| u.as_slice()).collect();
        let result = tally_of(&slices);
        assert!(
            close(result.alpha, 0.486_033_519_553_072_6),
            "{}",
            result.alpha
        );
        assert!(
            close(result.fleiss_kappa, 0.463_687_150_837_988_8),
            "{}",
            result.fleiss_kappa
        );
    }
}
