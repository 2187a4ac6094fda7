//! The event types and sub-event types of the ACLED codebook (2023 edition), which the
//! event dataset's mapping names: offered as choices so that a rule names them exactly
//! as the codebook spells them, and an export reads as ACLED's own files do.

/// Each ACLED event type with its sub-event types, in the codebook's order.
pub const ACLED_TYPES: &[(&str, &[&str])] = &[
    (
        "Battles",
        &[
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        ],
    ),
    (
        "Explosions/Remote violence",
        &[
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
    ),
    (
        "Violence against civilians",
        &[
            "Sexual violence",
            "Attack",
            "Abduction/forced disappearance",
        ],
    ),
    (
        "Protests",
        &[
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
        ],
    ),
    ("Riots", &["Violent demonstration", "Mob violence"]),
    (
        "Strategic developments",
        &[
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
    ),
];

/// The sub-event types of ACLED event type `event_type` (none for a type it lacks).
pub fn sub_event_types(event_type: &str) -> &'static [&'static str] {
    ACLED_TYPES
        .iter()
        .find(|(t, _)| *t == event_type)
        .map_or(&[], |(_, subs)| subs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_mapping_names_only_codebook_types() {
        for rule in crate::model::dataset_mapping::DatasetMapping::default().types {
            assert!(
                sub_event_types(&rule.event_type).contains(&rule.sub_event_type.as_str()),
                "{} / {}",
                rule.event_type,
                rule.sub_event_type
            );
        }
        assert!(sub_event_types("Nothing").is_empty());
    }
}
