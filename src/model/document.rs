//! One article with its annotations.

use super::adjudication::{Decision, Unit};
use super::annotation::{
    AnnotationRef, Comment, Equivalence, Event, Filler, Mention, Normalization, Relation,
};
use super::conflict::{Conflict, OtherVersion};
use super::ids::{EventId, MentionId, RelationId};
use super::reading;
use super::span::{OffsetTable, Span};
use super::text_index::TextIndex;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// How far the annotation of a document has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocStatus {
    /// Not started.
    #[default]
    New,
    /// Started, not finished.
    InProgress,
    /// Finished.
    Done,
}

impl DocStatus {
    /// All statuses, in workflow order.
    pub const ALL: [DocStatus; 3] = [DocStatus::New, DocStatus::InProgress, DocStatus::Done];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            DocStatus::New => "new",
            DocStatus::InProgress => "in progress",
            DocStatus::Done => "done",
        }
    }
}

/// An article: its text exactly as imported and everything annotated on it.
///
/// The three annotation lists are kept sorted by id, so lookups are binary searches and
/// the file lists annotations in creation order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Unique inside the project; usually the imported file's stem.
    #[serde(deserialize_with = "reading::document_id")]
    pub id: String,
    /// Title shown to the user.
    pub name: String,
    /// The text, decoded to UTF-8, line endings kept. Never changes.
    pub text: String,
    /// Annotation progress.
    #[serde(default)]
    pub status: DocStatus,
    /// Source, date and other facts about the article.
    #[serde(
        default,
        deserialize_with = "reading::metadata",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub metadata: BTreeMap<String, String>,
    /// The next annotation id to hand out; larger than every id ever used here.
    #[serde(default = "first_id")]
    pub next_id: u32,
    /// Typed spans of text.
    #[serde(default, deserialize_with = "reading::each_annotation")]
    pub mentions: Vec<Mention>,
    /// Events built from mentions.
    #[serde(default, deserialize_with = "reading::each_annotation")]
    pub events: Vec<Event>,
    /// Links between annotations.
    #[serde(default, deserialize_with = "reading::each_annotation")]
    pub relations: Vec<Relation>,
    /// Groups of equivalent annotations (brat `*` lines); absent from older files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalences: Vec<Equivalence>,
    /// Links from annotations to external resources (brat `N` lines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub normalizations: Vec<Normalization>,
    /// Typed remarks on annotations besides their notes (brat `#` lines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// In a gold project, the decision on every unit the annotators proposed, sorted by
    /// unit (see [`super::adjudication`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Merge conflicts not resolved yet (see [`super::conflict`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// The offsets of the text's characters, built when first asked for (see
    /// [`Document::offsets`]); `TextIndex::default()` in a new document.
    #[serde(skip)]
    pub index: TextIndex,
}

fn first_id() -> u32 {
    1
}

impl Document {
    /// A document with no annotation yet.
    pub fn new(id: impl Into<String>, name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            text: text.into(),
            next_id: first_id(),
            ..Default::default()
        }
    }

    /// The mention with this id.
    pub fn mention(&self, id: MentionId) -> Option<&Mention> {
        let i = self.mentions.binary_search_by_key(&id, |m| m.id).ok()?;
        self.mentions.get(i)
    }

    /// The event with this id.
    pub fn event(&self, id: EventId) -> Option<&Event> {
        let i = self.events.binary_search_by_key(&id, |e| e.id).ok()?;
        self.events.get(i)
    }

    /// The relation with this id.
    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        let i = self.relations.binary_search_by_key(&id, |r| r.id).ok()?;
        self.relations.get(i)
    }

    /// Number of characters of the text.
    pub fn char_len(&self) -> usize {
        self.offsets().char_len()
    }

    /// The byte and UTF-16 offsets of the text's characters: built the first time,
    /// then at no cost.
    pub fn offsets(&self) -> OffsetTable<'_> {
        self.index.table(&self.text)
    }

    /// The texts of several spans joined by a space, as brat writes discontinuous
    /// mentions.
    pub fn covered_text(&self, spans: &[Span]) -> String {
        self.offsets().covered_text(spans)
    }

    /// True when `filler` names an annotation of this document.
    pub fn has_filler(&self, filler: Filler) -> bool {
        match filler {
            Filler::Mention(id) => self.mention(id).is_some(),
            Filler::Event(id) => self.event(id).is_some(),
        }
    }

    /// True when `target` names an annotation of this document.
    pub fn has_annotation(&self, target: AnnotationRef) -> bool {
        match target {
            AnnotationRef::Mention(id) => self.mention(id).is_some(),
            AnnotationRef::Event(id) => self.event(id).is_some(),
            AnnotationRef::Relation(id) => self.relation(id).is_some(),
        }
    }

    /// Where `event` is in the text (the first character): its trigger's, else its
    /// first mention argument's; none for an event with neither.
    pub fn event_start(&self, event: &Event) -> Option<usize> {
        event.trigger.first().map(|t| t.start).or_else(|| {
            event.arguments.iter().find_map(|a| match a.filler {
                Filler::Mention(m) => self.mention(m).map(|m| m.extent().start),
                Filler::Event(_) => None,
            })
        })
    }

    /// The events in which `filler` fills a role.
    pub fn events_with_argument(&self, filler: Filler) -> impl Iterator<Item = &Event> {
        self.events
            .iter()
            .filter(move |e| e.arguments.iter().any(|a| a.filler == filler))
    }

    /// True when one of `fillers` is the event `id`, or has it among its arguments,
    /// directly or through other events: making them arguments of `id` would make it
    /// contain itself. The walk keeps its own stack and visits each event once, however
    /// deep the nesting.
    pub fn any_contains_event(
        &self,
        fillers: impl IntoIterator<Item = Filler>,
        id: EventId,
    ) -> bool {
        let mut seen = HashSet::new();
        let mut stack: Vec<Filler> = fillers.into_iter().collect();
        while let Some(filler) = stack.pop() {
            let Filler::Event(event) = filler else {
                continue;
            };
            if event == id {
                return true;
            }
            if seen.insert(event)
                && let Some(e) = self.event(event)
            {
                stack.extend(e.arguments.iter().map(|a| a.filler));
            }
        }
        false
    }

    /// The id that the next annotation gets, with the counter that follows it; `None`
    /// when the counter is exhausted: ids stay below `next_id`, so once it reaches
    /// `u32::MAX` no id is left to hand out (`eventail repair` renumbers).
    pub fn fresh_id(&self) -> Option<(u32, u32)> {
        Some((self.next_id, self.next_id.checked_add(1)?))
    }

    /// The ids of the mentions, then of the events, then of the relations.
    pub fn annotation_ids(&self) -> impl Iterator<Item = u32> + '_ {
        let mentions = self.mentions.iter().map(|m| m.id.0);
        let events = self.events.iter().map(|e| e.id.0);
        mentions
            .chain(events)
            .chain(self.relations.iter().map(|r| r.id.0))
    }

    /// The decision on `unit`, found by binary search in [`Self::decisions`].
    pub fn decision(&self, unit: &Unit) -> Option<&Decision> {
        let i = self.decisions.binary_search_by(|d| d.unit.cmp(unit)).ok()?;
        self.decisions.get(i)
    }

    /// Mentions, events and relations together.
    pub fn annotation_count(&self) -> usize {
        self.mentions.len() + self.events.len() + self.relations.len()
    }

    /// Gives every annotation the id `new_id` maps its id to, and rewrites every
    /// reference to it along: event arguments, relation ends, equivalences,
    /// normalisations, typed comments and merge conflicts (their targets and the versions
    /// set aside). The lists are not sorted again and `next_id` is left as it is: that is
    /// for the caller, which knows what the new ids are (a repair renumbering from 1, a
    /// merge moving one side's new annotations above the other's).
    pub fn map_annotation_ids(&mut self, new_id: impl Fn(u32) -> u32) {
        let filler = |f: Filler| f.with_id(new_id(f.id()));
        let target = |t: AnnotationRef| t.with_id(new_id(t.id()));
        let event = |e: &mut Event| {
            e.id = EventId(new_id(e.id.0));
            for arg in &mut e.arguments {
                arg.filler = filler(arg.filler);
            }
        };
        let relation = |r: &mut Relation| {
            r.id = RelationId(new_id(r.id.0));
            r.arg1 = filler(r.arg1);
            r.arg2 = filler(r.arg2);
        };
        for m in &mut self.mentions {
            m.id = MentionId(new_id(m.id.0));
        }
        for e in &mut self.events {
            event(e);
        }
        for r in &mut self.relations {
            relation(r);
        }
        for eq in &mut self.equivalences {
            for member in &mut eq.members {
                *member = filler(*member);
            }
        }
        for n in &mut self.normalizations {
            n.target = target(n.target);
        }
        for c in &mut self.comments {
            c.target = target(c.target);
        }
        for c in &mut self.conflicts {
            c.target = target(c.target);
            match &mut c.other {
                OtherVersion::Deleted => {}
                OtherVersion::Mention(m) => m.id = MentionId(new_id(m.id.0)),
                OtherVersion::Event(e) => event(e),
                OtherVersion::Relation(r) => relation(r),
            }
        }
    }
}
