//! The agreement of several annotators' projects as one report: the figures of every
//! pair (the first project of a pair taken as the reference), the character agreement
//! of them all, and the tables that `eventail agree --csv` writes for R and pandas.

use super::agreement::{Counts, PairAgreement, Scores, pair_agreement};
use super::align::Alignment;
use super::coreference::CoreferenceScores;
use super::disagreement::ranges_text;
use super::incident_agreement::incident_agreement;
use super::units::{CharacterAgreement, character_agreement, character_agreement_among};
use crate::formats::csv::csv_field_from_str;
use serde::Serialize;
use std::collections::BTreeMap;

/// The mention figures of a pair.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MentionScores {
    /// Same type and exact ranges.
    pub exact: Scores,
    /// Same type and at least one shared character.
    pub overlap: Scores,
    /// Cohen's kappa over the types of identically bounded mentions.
    pub kappa: f64,
    /// Krippendorff's alpha over characters, this pair only.
    pub alpha: f64,
    /// Fleiss' kappa over characters, this pair only.
    pub fleiss_kappa: f64,
}

/// The event figures of a pair.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventScores {
    /// Same type and trigger.
    pub trigger: Scores,
    /// Role and filler, on matched events.
    pub arguments: Scores,
    /// Per role.
    pub roles: BTreeMap<String, Scores>,
    /// Per attribute: the share of matched events given the same value.
    pub attributes: BTreeMap<String, f64>,
}

/// Everything measured between two projects.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PairReport {
    /// The reference project (as named on the command line).
    pub a: String,
    /// The project compared with it.
    pub b: String,
    /// Documents compared.
    pub documents: usize,
    /// Mentions.
    pub mentions: MentionScores,
    /// Events.
    pub events: EventScores,
    /// Relations: same type and ends.
    pub relations: Scores,
    /// How the reports were grouped into incidents: MUC, B³, CEAF-e, CoNLL F1.
    pub incidents: CoreferenceScores,
}

/// Agreement among all the projects together.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct GroupMentionScores {
    /// Krippendorff's alpha over characters, all annotators.
    pub alpha: f64,
    /// Fleiss' kappa over characters, all annotators.
    pub fleiss_kappa: f64,
}

/// The figures of every pair, and of all the projects together.
pub struct AgreementReport {
    /// One per pair, in the order (1,2), (1,3), ..., (2,3), ...
    pub pairs: Vec<(PairReport, PairAgreement)>,
    /// Character agreement of all the projects.
    pub all: CharacterAgreement,
}

/// Measures every pair of the projects of `alignment`, named `names`.
pub fn agreement_report(alignment: &Alignment<'_>, names: &[String]) -> AgreementReport {
    let mut pairs = Vec::new();
    for a in 0..alignment.projects {
        for b in a + 1..alignment.projects {
            let pair = pair_agreement(alignment, a, b);
            let chars = character_agreement_among(alignment, &[a, b]);
            let mut report = pair_report(&pair, chars, names, (a, b), alignment.len());
            report.incidents = incident_agreement(alignment, a, b);
            pairs.push((report, pair));
        }
    }
    AgreementReport {
        pairs,
        all: character_agreement(alignment),
    }
}

fn pair_report(
    pair: &PairAgreement,
    chars: CharacterAgreement,
    names: &[String],
    (a, b): (usize, usize),
    documents: usize,
) -> PairReport {
    let name = |i: usize| {
        names
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("project {}", i + 1))
    };
    PairReport {
        a: name(a),
        b: name(b),
        documents,
        mentions: MentionScores {
            exact: pair.mentions_exact.scores(),
            overlap: pair.mentions_overlap.scores(),
            kappa: pair.kappa(),
            alpha: chars.alpha,
            fleiss_kappa: chars.fleiss_kappa,
        },
        events: EventScores {
            trigger: pair.events_trigger.scores(),
            arguments: pair.events_arguments.scores(),
            roles: pair
                .per_role
                .iter()
                .map(|(role, counts)| (role.clone(), counts.scores()))
                .collect(),
            attributes: pair
                .event_attributes
                .iter()
                .map(|(name, c)| {
                    let share = if c.compared == 0 {
                        0.0
                    } else {
                        c.same as f64 / c.compared as f64
                    };
                    (name.clone(), share)
                })
                .collect(),
        },
        relations: pair.relations.scores(),
        incidents: CoreferenceScores::default(),
    }
}

impl AgreementReport {
    /// The JSON of `eventail agree --json`: with two projects the pair's object; with
    /// more, `{"pairs": [...], "mentions": {"alpha", "fleiss_kappa"}}`.
    pub fn to_json(&self) -> serde_json::Value {
        match self.pairs.as_slice() {
            [(only, _)] => serde_json::to_value(only).unwrap_or_default(),
            pairs => serde_json::json!({
                "pairs": pairs.iter().map(|(p, _)| p).collect::<Vec<_>>(),
                "mentions": GroupMentionScores {
                    alpha: self.all.alpha,
                    fleiss_kappa: self.all.fleiss_kappa,
                },
            }),
        }
    }

    /// The files of `--csv DIR`: `documents.csv` (per document and pair), `types.csv`
    /// (per type, role and pair) and `disagreements.csv` (one row per difference), as
    /// (file name, contents).
    pub fn csv_files(&self) -> Vec<(&'static str, String)> {
        let mut documents = csv_table(&[
            "a",
            "b",
            "document",
            "kind",
            "matches",
            "in_a",
            "in_b",
            "precision",
            "recall",
            "f1",
        ]);
        let mut types = csv_table(&[
            "a",
            "b",
            "kind",
            "type",
            "matches",
            "in_a",
            "in_b",
            "precision",
            "recall",
            "f1",
        ]);
        let mut disagreements = csv_table(&[
            "a", "b", "document", "kind", "type", "ranges", "text", "in_a", "in_b",
        ]);
        for (report, pair) in &self.pairs {
            let names = [report.a.as_str(), report.b.as_str()];
            for doc in &pair.per_document {
                for (kind, counts) in [
                    ("mentions_exact", doc.mentions_exact),
                    ("mentions_overlap", doc.mentions_overlap),
                    ("events_trigger", doc.events_trigger),
                    ("events_arguments", doc.events_arguments),
                    ("relations", doc.relations),
                ] {
                    push_counts(&mut documents, &names, &[&doc.name, kind], counts);
                }
            }
            for (kind, table) in [
                ("entity_type", &pair.per_entity_type),
                ("event_type", &pair.per_event_type),
                ("role", &pair.per_role),
                ("relation_type", &pair.per_relation_type),
            ] {
                for (type_name, &counts) in table {
                    push_counts(&mut types, &names, &[kind, type_name], counts);
                }
            }
            for d in &pair.disagreements {
                let ranges = ranges_text(&d.ranges);
                push_record(
                    &mut disagreements,
                    &[
                        names[0],
                        names[1],
                        &d.document,
                        d.kind.label(),
                        &d.type_name,
                        &ranges,
                        &d.text,
                        &d.a,
                        &d.b,
                    ],
                );
            }
        }
        vec![
            ("documents.csv", documents),
            ("types.csv", types),
            ("disagreements.csv", disagreements),
        ]
    }
}

/// A CSV file (UTF-8 with a byte-order mark, for Excel) with its header row.
fn csv_table(header: &[&str]) -> String {
    let mut out = String::from("\u{feff}");
    push_record(&mut out, header);
    out
}

fn push_record(out: &mut String, fields: &[&str]) {
    // Guarded like the CSV export: the text of articles opens in spreadsheets.
    let cells: Vec<_> = fields
        .iter()
        .map(|f| csv_field_from_str(f, false))
        .collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

fn push_counts(out: &mut String, names: &[&str; 2], labels: &[&str], counts: Counts) {
    let numbers = [
        counts.matches.to_string(),
        counts.in_a.to_string(),
        counts.in_b.to_string(),
        format!("{:.4}", counts.precision()),
        format!("{:.4}", counts.recall()),
        format!("{:.4}", counts.f1()),
    ];
    let mut fields: Vec<&str> = names.to_vec();
    fields.extend_from_slice(labels);
    fields.extend(numbers.iter().map(String::as_str));
    push_record(out, &fields);
}
