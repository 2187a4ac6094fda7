//! What the incidents table shows: one row per incident, its cells as text, whether its
//! reports disagree, filtered and sorted as the user chose. Computed here, without
//! egui, so that a unit test checks the rows and the panel only draws them.

use super::incidents::IncidentsState;
use crate::model::report_values::reported_values;
use crate::model::{Incident, IncidentId, Project};
use std::collections::BTreeSet;

/// A column of the incidents table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IncidentColumn {
    /// `I3`.
    Id,
    /// Its event type.
    Type,
    /// Its date or range, with its precision.
    Date,
    /// Its places.
    Places,
    /// Its actors, with their roles.
    Actors,
    /// Its number of dead.
    Fatalities,
    /// How sure it is.
    Certainty,
    /// How many reports, in how many documents.
    Reports,
    /// ⚠ where the reports disagree.
    Disagree,
}

impl IncidentColumn {
    /// Every column, in the table's order.
    pub const ALL: [IncidentColumn; 9] = [
        IncidentColumn::Id,
        IncidentColumn::Type,
        IncidentColumn::Date,
        IncidentColumn::Places,
        IncidentColumn::Actors,
        IncidentColumn::Fatalities,
        IncidentColumn::Certainty,
        IncidentColumn::Reports,
        IncidentColumn::Disagree,
    ];

    /// Its header.
    pub fn title(self) -> &'static str {
        match self {
            IncidentColumn::Id => "Incident",
            IncidentColumn::Type => "Type",
            IncidentColumn::Date => "Date",
            IncidentColumn::Places => "Places",
            IncidentColumn::Actors => "Actors",
            IncidentColumn::Fatalities => "Dead",
            IncidentColumn::Certainty => "Certainty",
            IncidentColumn::Reports => "Reports",
            IncidentColumn::Disagree => "⚠",
        }
    }
}

/// One incident as a row.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentRow {
    /// The incident.
    pub id: IncidentId,
    /// Its type's name.
    pub incident_type: String,
    /// The text of each column, in the order of [`IncidentColumn::ALL`].
    pub cells: Vec<String>,
    /// Its reports disagree on the date, the dead or the actors.
    pub disagree: bool,
    /// What sorts it by date: its first and last day (none: after the dated ones).
    date_key: Option<(i64, i64)>,
    /// How many reports and documents.
    counts: (usize, usize),
}

/// How a date reads in the table: the ISO text and its precision (`2015-05 (month)`,
/// `2016-12-08/2016-12-11 (4 days)`).
pub fn date_text(incident: &Incident) -> String {
    let Some(date) = incident.date else {
        return String::new();
    };
    match date.end() {
        Some(_) => format!("{date} ({} days)", date.days()),
        None => format!("{date} ({})", date.start().precision().word()),
    }
}

/// How the actors read: `agent: Armée syrienne; from: État islamique`.
pub fn actors_text(incident: &Incident) -> String {
    incident
        .actors
        .iter()
        .map(|a| format!("{}: {}", a.role, a.name))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The row of `incident`.
fn row(project: &Project, incident: &Incident) -> IncidentRow {
    let documents: BTreeSet<&str> = incident
        .reports
        .iter()
        .map(|r| r.document.as_str())
        .collect();
    let counts = (incident.reports.len(), documents.len());
    let disagree = reported_values(project, incident).disagree();
    let cell = |column: IncidentColumn| match column {
        IncidentColumn::Id => incident.id.to_string(),
        IncidentColumn::Type => project.schema.label(&incident.incident_type).to_string(),
        IncidentColumn::Date => date_text(incident),
        IncidentColumn::Places => incident.places.join("; "),
        IncidentColumn::Actors => actors_text(incident),
        IncidentColumn::Fatalities => incident
            .fatalities
            .map(|n| n.to_string())
            .unwrap_or_default(),
        IncidentColumn::Certainty => incident
            .certainty
            .map(|c| c.word().to_string())
            .unwrap_or_default(),
        IncidentColumn::Reports => format!("{} in {} doc.", counts.0, counts.1),
        IncidentColumn::Disagree => if disagree { "⚠" } else { "" }.to_string(),
    };
    IncidentRow {
        id: incident.id,
        incident_type: incident.incident_type.clone(),
        cells: IncidentColumn::ALL.into_iter().map(cell).collect(),
        disagree,
        date_key: incident.date.map(|d| {
            (
                d.first_day().days_since_epoch(),
                d.last_day().days_since_epoch(),
            )
        }),
        counts,
    }
}

/// The rows of `project`'s incidents that `state`'s filters keep, in its order.
pub fn incident_rows(project: &Project, state: &IncidentsState) -> Vec<IncidentRow> {
    let needle = crate::search::fold(&state.text.trim().to_lowercase());
    let mut rows: Vec<IncidentRow> = project
        .incidents
        .iter()
        .filter(|i| {
            state
                .incident_type
                .as_ref()
                .is_none_or(|t| *t == i.incident_type)
        })
        .map(|i| row(project, i))
        .filter(|r| {
            needle.is_empty()
                || r.cells
                    .iter()
                    .any(|c| crate::search::fold(&c.to_lowercase()).contains(&needle))
        })
        .collect();
    let Some((column, down)) = state.sort else {
        return rows;
    };
    match column {
        IncidentColumn::Id => rows.sort_by_key(|r| r.id),
        // Undated incidents last, whichever way: they have no place on the axis.
        IncidentColumn::Date => rows.sort_by_key(|r| (r.date_key.is_none(), r.date_key, r.id)),
        IncidentColumn::Fatalities => {
            let dead = |r: &IncidentRow| r.cells.get(5).and_then(|c| c.parse::<u32>().ok());
            rows.sort_by_key(|r| (dead(r), r.id));
        }
        IncidentColumn::Reports => rows.sort_by_key(|r| (r.counts, r.id)),
        IncidentColumn::Disagree => rows.sort_by_key(|r| (r.disagree, r.id)),
        _ => {
            let index = IncidentColumn::ALL
                .iter()
                .position(|c| *c == column)
                .unwrap_or(0);
            rows.sort_by_cached_key(|r| {
                let text = r.cells.get(index).map(|c| c.to_lowercase());
                (text.unwrap_or_default(), r.id)
            });
        }
    }
    if down {
        rows.reverse();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::incidents::IncidentsAction;

    use crate::formats::test_support::palmyre as sample;

    fn ids(rows: &[IncidentRow]) -> Vec<u32> {
        rows.iter().map(|r| r.id.0).collect()
    }

    #[test]
    fn incidents_sort_by_date_and_count_filter_by_type_and_text() {
        let project = sample();
        let mut state = IncidentsState::default();
        let all = incident_rows(&project, &state);
        assert_eq!(ids(&all), [1, 2, 3, 4, 5, 6]);
        assert_eq!(all[2].cells[2], "2015-05 (month)");
        assert_eq!(all[1].cells[2], "2016-12-08/2016-12-11 (4 days)");
        assert_eq!(all[0].cells[7], "10 in 5 doc.");
        assert!(all[0].disagree, "I1's reports give several dates");

        state.apply(&IncidentsAction::Sort(IncidentColumn::Date));
        // 2015-05, 2015-11, 2016-03-23, 2016-03-27, 2016-03-29, 2016-12-08.
        assert_eq!(ids(&incident_rows(&project, &state)), [3, 5, 4, 1, 6, 2]);
        state.apply(&IncidentsAction::Sort(IncidentColumn::Date));
        assert_eq!(ids(&incident_rows(&project, &state)), [2, 6, 1, 4, 5, 3]);
        state.apply(&IncidentsAction::Sort(IncidentColumn::Reports));
        let by_reports = incident_rows(&project, &state);
        assert_eq!(by_reports.last().map(|r| r.id.0), Some(1));

        state.apply(&IncidentsAction::SetType(Some("capture".into())));
        assert_eq!(incident_rows(&project, &state).len(), 4);
        state.apply(&IncidentsAction::SetType(None));
        // Accents and case ignored: "etat islamique" finds "État islamique".
        state.apply(&IncidentsAction::SetText("sinjar".into()));
        assert_eq!(ids(&incident_rows(&project, &state)), [5]);
        state.apply(&IncidentsAction::SetText("ETAT islamique".into()));
        assert_eq!(incident_rows(&project, &state).len(), 5);
    }
}
