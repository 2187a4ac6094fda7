//! How a project's incidents become the rows of an event dataset in the columns of the
//! ACLED codebook: which ACLED event type and sub-event type each incident type is,
//! which roles are the first and the second side, which are places, where the number of
//! the dead is read. Stored in the schema, as it depends on the schema's types and roles
//! and is edited with them; a project file without one gets [`DatasetMapping::default`],
//! made for the built-in conflict-news schema of the sample (and harmless to others:
//! rules about types a schema lacks are never used).

use serde::{Deserialize, Serialize};

/// What must hold for a [`TypeRule`] to apply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    /// Some actor of the incident (or argument of one of its reports) in `role` is of
    /// one of `entity_types` (of any type when the list is empty).
    Filler {
        /// A role of the incident's type.
        role: String,
        /// Entity types, any when empty.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        entity_types: Vec<String>,
    },
}

/// The ACLED type of the incidents of one type of the schema that meet its conditions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeRule {
    /// An event type of the schema.
    pub incident_type: String,
    /// What must all hold; the rule applies always when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    /// ACLED `event_type` (Battles, Explosions/Remote violence, Violence against
    /// civilians, Protests, Riots, Strategic developments).
    pub event_type: String,
    /// ACLED `sub_event_type` (Armed clash, Government regains territory, Air/drone
    /// strike, Attack...).
    pub sub_event_type: String,
}

/// Where the number of the dead of a report is read: the fillers of `role` of events
/// of `event_type` that are numbers (mentions with the quantity attribute).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FatalityRule {
    /// An event type of the schema.
    pub event_type: String,
    /// One of its roles.
    pub role: String,
}

/// The mapping from the schema to the columns of the event dataset export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DatasetMapping {
    /// The ACLED types of incidents, tried in order: the first rule of the incident's type
    /// whose conditions hold applies.
    pub types: Vec<TypeRule>,
    /// Roles of the first side: the first actor in them is `actor1`, the others join
    /// `assoc_actor_1`.
    pub actor1_roles: Vec<String>,
    /// Roles of the allies of the first side (`assoc_actor_1`).
    pub assoc_actor1_roles: Vec<String>,
    /// Roles of the second side: the first actor in them is `actor2`, the others join
    /// `assoc_actor_2`.
    pub actor2_roles: Vec<String>,
    /// Roles of the allies of the second side (`assoc_actor_2`).
    pub assoc_actor2_roles: Vec<String>,
    /// Entity types of mentions that are places: an argument filled by one is a place of
    /// the incident, not an actor.
    pub place_types: Vec<String>,
    /// Entity types of mentions that are countries: a place of this type fills the
    /// incident's country.
    pub country_types: Vec<String>,
    /// Entity types of mentions that are neither actors nor places (dates, numbers,
    /// weapons).
    pub other_types: Vec<String>,
    /// Where reports give the number of the dead.
    pub fatalities: Vec<FatalityRule>,
    /// The attribute of number mentions that holds their value.
    pub quantity_attribute: String,
    /// The event attribute that holds the certainty (`certain`, `probable`,
    /// `possible`).
    pub certainty_attribute: String,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// A rule for `incident_type` without condition.
fn always(incident_type: &str, event_type: &str, sub_event_type: &str) -> TypeRule {
    TypeRule {
        incident_type: incident_type.into(),
        when: Vec::new(),
        event_type: event_type.into(),
        sub_event_type: sub_event_type.into(),
    }
}

/// A rule for `incident_type` when some filler of `role` is of one of `types`.
fn when_filled(
    incident_type: &str,
    role: &str,
    types: &[&str],
    event_type: &str,
    sub_event_type: &str,
) -> TypeRule {
    TypeRule {
        when: vec![Condition::Filler {
            role: role.into(),
            entity_types: names(types),
        }],
        ..always(incident_type, event_type, sub_event_type)
    }
}

const BATTLES: &str = "Battles";
const REMOTE: &str = "Explosions/Remote violence";
const CIVILIANS: &str = "Violence against civilians";
const STRATEGIC: &str = "Strategic developments";

impl Default for DatasetMapping {
    /// The mapping for the built-in conflict-news schema (the sample's): a capture by a
    /// state is "Government regains territory", by anyone else "Non-state actor
    /// overtakes territory"; an attack on people is violence against civilians, any
    /// other a strike; deaths and injuries alone are attacks on civilians, and what is
    /// not violence is a strategic development.
    fn default() -> Self {
        let state = ["state_force", "country"];
        let civilians = ["person", "number"];
        DatasetMapping {
            types: vec![
                when_filled(
                    "capture",
                    "agent",
                    &state,
                    BATTLES,
                    "Government regains territory",
                ),
                always("capture", BATTLES, "Non-state actor overtakes territory"),
                always("battle", BATTLES, "Armed clash"),
                when_filled("attack", "target", &civilians, CIVILIANS, "Attack"),
                always("attack", REMOTE, "Air/drone strike"),
                always("death", CIVILIANS, "Attack"),
                always("injury", CIVILIANS, "Attack"),
                always("abduction", CIVILIANS, "Abduction/forced disappearance"),
                always(
                    "destruction_of_heritage",
                    STRATEGIC,
                    "Looting/property destruction",
                ),
                always("withdrawal", STRATEGIC, "Non-violent transfer of territory"),
                always("advance", STRATEGIC, "Change to group/activity"),
                always("demining", STRATEGIC, "Disrupted weapons use"),
                always("agreement", STRATEGIC, "Agreement"),
                always("surrender", STRATEGIC, "Other"),
                always("displacement", STRATEGIC, "Other"),
                always("statement", STRATEGIC, "Other"),
                always("meeting", STRATEGIC, "Other"),
            ],
            actor1_roles: names(&[
                "agent",
                "attacker",
                "combatant",
                "speaker",
                "participant",
                "party",
            ]),
            assoc_actor1_roles: names(&["supporter"]),
            actor2_roles: names(&[
                "from",
                "target",
                "victim",
                "recipient",
                "addressee",
                "displaced",
            ]),
            assoc_actor2_roles: Vec::new(),
            place_types: names(&["place", "site", "country"]),
            country_types: names(&["country"]),
            other_types: names(&["date", "number", "weapon"]),
            fatalities: vec![FatalityRule {
                event_type: "death".into(),
                role: "victim".into(),
            }],
            quantity_attribute: "quantity".into(),
            certainty_attribute: "certainty".into(),
        }
    }
}

impl DatasetMapping {
    /// True when it is the default mapping (which the project file then leaves out).
    pub fn is_default(&self) -> bool {
        *self == DatasetMapping::default()
    }

    /// The rule for an incident of `incident_type` whose actors and report arguments
    /// are `fillers` (role, entity type): the first of its type whose conditions hold.
    pub fn rule_for<'a>(
        &'a self,
        incident_type: &str,
        fillers: &[(&str, &str)],
    ) -> Option<&'a TypeRule> {
        self.types.iter().find(|rule| {
            rule.incident_type == incident_type
                && rule.when.iter().all(|condition| match condition {
                    Condition::Filler { role, entity_types } => fillers.iter().any(|(r, t)| {
                        r == role
                            && (entity_types.is_empty() || entity_types.iter().any(|e| e == t))
                    }),
                })
        })
    }

    /// True when a mention of `entity_type` in `role` is an actor rather than a place,
    /// a date, a number or an instrument.
    pub fn is_actor(&self, entity_type: &str) -> bool {
        !self.place_types.iter().any(|t| t == entity_type)
            && !self.other_types.iter().any(|t| t == entity_type)
    }

    /// True when mentions of `entity_type` are places.
    pub fn is_place(&self, entity_type: &str) -> bool {
        self.place_types.iter().any(|t| t == entity_type)
    }

    /// True when mentions of `entity_type` are countries.
    pub fn is_country(&self, entity_type: &str) -> bool {
        self.country_types.iter().any(|t| t == entity_type)
    }

    /// True when the fillers of `role` of events of `event_type` count the dead.
    pub fn counts_fatalities(&self, event_type: &str, role: &str) -> bool {
        self.fatalities
            .iter()
            .any(|f| f.event_type == event_type && f.role == role)
    }

    /// Gives every rule of the type `old` the name `new` (the schema renamed it).
    pub fn rename_event_type(&mut self, old: &str, new: &str) {
        for rule in &mut self.types {
            if rule.incident_type == old {
                rule.incident_type = new.to_string();
            }
        }
        for rule in &mut self.fatalities {
            if rule.event_type == old {
                rule.event_type = new.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_rule_whose_conditions_hold_applies() {
        let mapping = DatasetMapping::default();
        let sub = |t: &str, fillers: &[(&str, &str)]| {
            mapping
                .rule_for(t, fillers)
                .map(|r| format!("{} / {}", r.event_type, r.sub_event_type))
        };
        assert_eq!(
            sub(
                "capture",
                &[("agent", "state_force"), ("from", "armed_group")]
            )
            .as_deref(),
            Some("Battles / Government regains territory")
        );
        assert_eq!(
            sub("capture", &[("agent", "armed_group")]).as_deref(),
            Some("Battles / Non-state actor overtakes territory")
        );
        assert_eq!(
            sub("attack", &[("target", "person")]).as_deref(),
            Some("Violence against civilians / Attack")
        );
        assert_eq!(
            sub("attack", &[("target", "site")]).as_deref(),
            Some("Explosions/Remote violence / Air/drone strike")
        );
        assert_eq!(sub("party", &[]), None);
        assert!(mapping.is_actor("armed_group") && !mapping.is_actor("date"));
        assert!(mapping.is_default());
    }
}
