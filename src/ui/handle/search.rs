//! Searching and "Annotate all": opening the panel and the dialog, showing a hit in the
//! text, and tagging the checked occurrences as one undoable edit.

use super::super::action::{AnnotateAllAction, SearchAction};
use super::super::app::EventailApp;
use super::super::search::{AnnotateAllState, SearchState};
use super::super::search_ui::search_field_id;
use crate::edit::ops;
use crate::model::{AnnotationRef, Filler};

impl EventailApp {
    /// Opens the search panel (if closed) and gives its field the keyboard.
    pub(super) fn open_search(&mut self) {
        if self.search.is_none() {
            self.search = Some(SearchState::default());
        }
        self.ctx.memory_mut(|m| m.request_focus(search_field_id()));
    }

    pub(super) fn search_action(&mut self, action: SearchAction) {
        let Some(search) = &mut self.search else {
            return;
        };
        match action {
            SearchAction::SetQuery(query) => search.query = query,
            SearchAction::SetOptions(options) => search.options = options,
            SearchAction::Show(index) => self.show_hit(index),
            SearchAction::Close => self.search = None,
        }
        if let Some(search) = &mut self.search {
            search.refresh(self.session.project(), self.session.generation());
        }
    }

    /// Shows hit `index`: its document, its text selected and in view, its annotation
    /// selected in an annotation search.
    fn show_hit(&mut self, index: usize) {
        let Some(search) = &mut self.search else {
            return;
        };
        let Some(hit) = search.hits().get(index) else {
            return;
        };
        let (doc, span, annotation) = (hit.doc, hit.span(), hit.annotation);
        search.current = Some(index);
        self.show_document(doc);
        if self.view.doc != doc {
            return;
        }
        self.view.selection = (!span.is_empty()).then_some(span);
        self.view.popup = None;
        self.view.selected = match annotation {
            Some(AnnotationRef::Mention(id)) => Some(Filler::Mention(id)),
            Some(AnnotationRef::Event(id)) => Some(Filler::Event(id)),
            _ => self.view.selected,
        };
        self.article.scroll_to(span.start);
    }

    /// Opens "Annotate all" on the selected text: as the type of a mention of exactly
    /// that text if there is one, else the first entity type.
    pub(super) fn open_annotate_all(&mut self) {
        let project = self.session.project();
        let doc = self.view.doc;
        let (Some(span), Some(document)) = (self.view.selection, project.documents.get(doc)) else {
            self.view.status = "Select the words to tag everywhere first".into();
            return;
        };
        let Some(text) = crate::model::span::slice(&document.text, span) else {
            return;
        };
        let tagged = document
            .mentions
            .iter()
            .find(|m| m.ranges == [span])
            .map(|m| m.entity_type.clone());
        let Some(entity_type) =
            tagged.or_else(|| project.schema.entity_types.first().map(|t| t.name.clone()))
        else {
            self.view.status = "The schema has no entity type".into();
            return;
        };
        self.view.popup = None;
        self.annotate_all = Some(AnnotateAllState::new(
            project,
            doc,
            text.to_string(),
            entity_type,
        ));
    }

    pub(super) fn annotate_all_action(&mut self, action: AnnotateAllAction) {
        let stamp = self.stamp();
        let project = self.session.project();
        let Some(state) = &mut self.annotate_all else {
            return;
        };
        match action {
            AnnotateAllAction::SetType(entity_type) => {
                state.entity_type = entity_type;
                state.refresh(project);
            }
            AnnotateAllAction::WholeProject(whole) => {
                state.whole_project = whole;
                state.refresh(project);
            }
            AnnotateAllAction::Matching(matching) => {
                state.matching = matching;
                state.refresh(project);
            }
            AnnotateAllAction::Check(index, checked) => {
                if let Some(c) = state.checked.get_mut(index) {
                    *c = checked;
                }
            }
            AnnotateAllAction::CheckAll(checked) => state.checked.fill(checked),
            AnnotateAllAction::Close => self.annotate_all = None,
            AnnotateAllAction::Apply => {
                let targets = state.targets();
                let built = ops::add_mentions(project, &state.entity_type, &targets, &stamp);
                if self.apply_built(built).is_some() {
                    self.annotate_all = None;
                    self.clear_selection();
                }
            }
        }
    }
}
