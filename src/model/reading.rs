//! Reading the maps of a project file (document metadata, annotation attributes) so
//! that a key given twice is refused instead of silently losing one of its values.
//!
//! serde's own maps keep the last value under a repeated key, so a hand-edited or badly
//! merged file (`metadata: {"source": "a", "source": "b"}`) would load with a value
//! gone, and be saved without it. The model's maps are read through [`metadata`] and
//! [`attributes`] instead, which fail with the key; the parser adds the line and the
//! loader the file. So that the message also names the document and the annotation, ids
//! are noted as they are read ([`document_id`], [`annotation_id`]) and forgotten at the
//! start of each document and annotation ([`each_document`], [`each_annotation`]): a
//! message names a place only when it is the right one, however a hand-edited file
//! orders its fields. The note is per thread: a file's documents may be parsed on
//! several threads, each document on one ([`FreshDocument`]).
//!
//! Lists are read into vectors of their exact length ([`each_document`],
//! [`each_annotation`], [`compact`]): a vector grown while reading keeps up to twice
//! the room it needs, and a large project holds hundreds of thousands of them.

use super::annotation::{AttrValue, Attributes};
use super::diagnostic::Diagnostic;
use super::document::Document;
use super::documents::Documents;
use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// Where in the file the parser is: the ids read so far in the current document and
/// annotation.
#[derive(Default)]
struct Place {
    document: Option<String>,
    annotation: Option<String>,
}

thread_local! {
    static PLACE: RefCell<Place> = RefCell::default();
}

/// Reads a document's id, noting it for the messages about its maps.
pub(crate) fn document_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let id = String::deserialize(d)?;
    PLACE.with_borrow_mut(|p| p.document = Some(id.clone()));
    Ok(id)
}

/// Reads an annotation's id (`MentionId`, `EventId`, `RelationId`), noting it for the
/// messages about its attributes.
pub(crate) fn annotation_id<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + fmt::Display,
{
    let id = T::deserialize(d)?;
    PLACE.with_borrow_mut(|p| p.annotation = Some(id.to_string()));
    Ok(id)
}

/// A document read alone, as an element of a project's list is read by
/// [`each_document`]: the ids noted for the messages start afresh. For a project's
/// documents parsed apart, on several threads.
pub(crate) struct FreshDocument(pub Document);

impl<'de> Deserialize<'de> for FreshDocument {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        PLACE.with_borrow_mut(|p| *p = Place::default());
        Document::deserialize(d).map(FreshDocument)
    }
}

/// Reads a list into a vector of its exact length.
pub(crate) fn compact<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = Vec::<T>::deserialize(d)?;
    items.shrink_to_fit();
    Ok(items)
}

/// Reads a list of documents, forgetting the previous document's ids before each.
pub(crate) fn each_document<'de, D: Deserializer<'de>>(d: D) -> Result<Documents, D::Error> {
    d.deserialize_seq(FreshEach(
        || PLACE.with_borrow_mut(|p| *p = Place::default()),
        PhantomData::<Document>,
    ))
    .map(Documents::from)
}

/// Reads a list of annotations, forgetting the previous annotation's id before each.
pub(crate) fn each_annotation<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_seq(FreshEach(
        || PLACE.with_borrow_mut(|p| p.annotation = None),
        PhantomData,
    ))
}

/// A sequence visitor that calls its function before each element.
struct FreshEach<F, T>(F, PhantomData<T>);

impl<'de, F: Fn(), T: Deserialize<'de>> Visitor<'de> for FreshEach<F, T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        loop {
            (self.0)();
            match seq.next_element()? {
                Some(item) => items.push(item),
                None => {
                    items.shrink_to_fit();
                    return Ok(items);
                }
            }
        }
    }
}

/// Reads a document's metadata, refusing a key given twice.
pub(crate) fn metadata<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    d.deserialize_map(UniqueKeys {
        what: "metadata key",
        in_annotation: false,
        values: PhantomData,
    })
}

/// Reads an annotation's attributes, refusing an attribute given twice.
pub(crate) fn attributes<'de, D: Deserializer<'de>>(d: D) -> Result<Attributes, D::Error> {
    d.deserialize_map(UniqueKeys::<AttrValue> {
        what: "attribute",
        in_annotation: true,
        values: PhantomData,
    })
}

/// A map visitor that refuses a key given twice, naming it and where it is.
struct UniqueKeys<V> {
    /// What a key is, for the message: `attribute`, `metadata key`.
    what: &'static str,
    /// True for a map of an annotation, false for one of a document.
    in_annotation: bool,
    values: PhantomData<V>,
}

impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueKeys<V> {
    type Value = BTreeMap<String, V>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map with string keys")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                let message = format!(
                    "{} {key:?} is given twice: keep one of its values",
                    self.what
                );
                let place = PLACE.with_borrow(|p| Diagnostic {
                    document: p.document.clone(),
                    annotation: p.annotation.clone().filter(|_| self.in_annotation),
                    ..Diagnostic::new(message)
                });
                return Err(A::Error::custom(place));
            }
            let value = map.next_value()?;
            out.insert(key, value);
        }
        Ok(out)
    }
}
