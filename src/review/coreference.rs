//! The coreference metrics of the CoNLL-2011/2012 shared tasks — MUC, B³, CEAF-e and
//! their mean, the CoNLL F1 — on any two clusterings of mentions, the key taken as the
//! reference. `eventail agree` scores with them how two annotators grouped reports
//! into incidents ([`super::incident_agreement`]).
//!
//! The definitions are those of Pradhan et al. (2014), "Scoring Coreference Partitions
//! of Predicted Mentions: A Reference Implementation", for key and response mentions
//! that may differ, with the edge cases of the `scorch` package (0.2.0): MUC is 0 when
//! every key or every response cluster is a single mention; a score whose precision or
//! recall is 0 has F1 0; CEAF-e with no cluster on a side is 0. The tests check the
//! figures against scorch's on hand-made clusterings.

use super::agreement::Scores;
use super::assignment::max_weight_assignment;
use std::collections::{BTreeMap, BTreeSet};

/// A clustering: mentions grouped into clusters, each mention in one cluster at most.
pub type Clusters<M> = Vec<BTreeSet<M>>;

/// Precision, recall and their harmonic mean (0 when either is 0).
fn scores(precision: f64, recall: f64) -> Scores {
    let f1 = if precision > 0.0 && recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Scores {
        precision,
        recall,
        f1,
    }
}

/// The cluster of each mention of `clusters`.
fn cluster_of<M: Ord + Clone>(clusters: &Clusters<M>) -> BTreeMap<M, usize> {
    let mut map = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        for m in c {
            map.insert(m.clone(), i);
        }
    }
    map
}

/// MUC's share of the links of `clusters` kept by `other`: for each cluster, its size
/// less the number of parts `other` cuts it into (a mention `other` lacks is a part of
/// its own), over its size less one.
fn muc_share<M: Ord + Clone>(clusters: &Clusters<M>, other: &Clusters<M>) -> f64 {
    let of = cluster_of(other);
    let (mut kept, mut links) = (0usize, 0usize);
    for cluster in clusters {
        let mut parts = BTreeSet::new();
        let mut alone = 0;
        for m in cluster {
            match of.get(m) {
                Some(&c) => {
                    parts.insert(c);
                }
                None => alone += 1,
            }
        }
        kept += cluster.len() - (parts.len() + alone);
        links += cluster.len().saturating_sub(1);
    }
    if links == 0 {
        0.0
    } else {
        kept as f64 / links as f64
    }
}

/// MUC (Vilain et al. 1995): the links between mentions that both clusterings keep.
pub fn muc<M: Ord + Clone>(key: &Clusters<M>, response: &Clusters<M>) -> Scores {
    let singletons = |c: &Clusters<M>| c.iter().all(|c| c.len() == 1);
    if singletons(key) || singletons(response) {
        return Scores::default();
    }
    scores(muc_share(response, key), muc_share(key, response))
}

/// B³'s share for `clusters` against `other`: for each mention, the share of its
/// cluster that `other` puts with it, averaged over the mentions.
fn b_cubed_share<M: Ord + Clone>(clusters: &Clusters<M>, other: &Clusters<M>) -> f64 {
    let mentions: usize = clusters.iter().map(BTreeSet::len).sum();
    if mentions == 0 {
        return 0.0;
    }
    let sum: f64 = clusters
        .iter()
        .flat_map(|c| {
            other.iter().map(move |o| {
                let shared = c.intersection(o).count() as f64;
                shared * shared / c.len() as f64
            })
        })
        .sum();
    sum / mentions as f64
}

/// B³ (Bagga and Baldwin 1998): per mention, how much of its cluster the other side
/// shares.
pub fn b_cubed<M: Ord + Clone>(key: &Clusters<M>, response: &Clusters<M>) -> Scores {
    scores(b_cubed_share(response, key), b_cubed_share(key, response))
}

/// CEAF-e (Luo 2005): key and response clusters paired one to one so that the sum of
/// their similarities `2|k∩r| / (|k|+|r|)` is largest; that sum over the number of
/// key clusters is the recall, over the number of response clusters the precision.
pub fn ceaf_e<M: Ord + Clone>(key: &Clusters<M>, response: &Clusters<M>) -> Scores {
    if key.is_empty() || response.is_empty() {
        return Scores::default();
    }
    let phi = |k: &BTreeSet<M>, r: &BTreeSet<M>| {
        2.0 * k.intersection(r).count() as f64 / (k.len() + r.len()) as f64
    };
    let weights: Vec<Vec<f64>> = key
        .iter()
        .map(|k| response.iter().map(|r| phi(k, r)).collect())
        .collect();
    let total: f64 = max_weight_assignment(&weights)
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| weights[i][j]))
        .sum();
    scores(total / response.len() as f64, total / key.len() as f64)
}

/// The three metrics and their mean, the CoNLL F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct CoreferenceScores {
    /// MUC.
    pub muc: Scores,
    /// B³.
    pub b3: Scores,
    /// CEAF-e.
    pub ceafe: Scores,
    /// The mean of the three F1.
    pub conll: f64,
}

/// MUC, B³, CEAF-e and the CoNLL F1 of `response` against `key`.
pub fn coreference_scores<M: Ord + Clone>(
    key: &Clusters<M>,
    response: &Clusters<M>,
) -> CoreferenceScores {
    let (muc, b3, ceafe) = (
        muc(key, response),
        b_cubed(key, response),
        ceaf_e(key, response),
    );
    CoreferenceScores {
        muc,
        b3,
        ceafe,
        conll: (muc.f1 + b3.f1 + ceafe.f1) / 3.0,
    }
}

#[cfg(test)]
mod tests;
