//! The schema a new project starts with: conflict news, French labels.

use crate::model::Schema;

/// The text of `assets/schemas/conflict-news.ron`, built into the binary.
pub const DEFAULT_SCHEMA_RON: &str = include_str!("../../assets/schemas/conflict-news.ron");

/// The default schema for conflict news (entity types, event types with roles,
/// attributes). The embedded file is checked by a test, so parsing cannot fail in a
/// released build; an empty schema is the fallback regardless.
pub fn default_schema() -> Schema {
    ron::from_str(DEFAULT_SCHEMA_RON).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_schema_parses_and_is_complete() {
        let schema: Schema = ron::from_str(DEFAULT_SCHEMA_RON).expect("default schema parses");
        assert!(schema.entity_types.len() >= 6);
        assert!(schema.event_types.len() >= 8);
        for t in &schema.event_types {
            for role in &t.roles {
                for filler in &role.fillers {
                    assert!(
                        schema.entity_type(filler).is_some() || schema.event_type(filler).is_some(),
                        "{}.{} allows unknown type {filler}",
                        t.name,
                        role.name
                    );
                }
            }
        }
        let mut keys: Vec<char> = schema
            .entity_types
            .iter()
            .filter_map(|t| t.shortcut)
            .collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "entity shortcuts are unique");
    }
}
