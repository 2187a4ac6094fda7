//! Building a gold version and adjudicating it: the annotators' projects are read, what
//! they agree on is merged into the gold project (a new one, or the open one when it is
//! a gold version already: a merge run again never touches what was decided), and each
//! decision on what is left is an undoable edit.

use super::super::action::AdjudicationAction;
use super::super::adjudication::{AdjudicationState, Annotator};
use super::super::app::EventailApp;
use super::super::failure::Failure;
use super::super::file_dialog::FilePurpose;
use super::super::session::Session;
use super::super::state::{Dialog, Pending};
use crate::edit::ops;
use crate::io;
use crate::model::{AnnotationRef, Filler, Project, Span};
use crate::review::merge::{self, Source, Strategy};
use std::path::PathBuf;

/// True when `project` was built by a merge: it records decisions.
fn is_gold(project: &Project) -> bool {
    project.documents.iter().any(|d| !d.decisions.is_empty())
}

impl EventailApp {
    /// Review > Build a gold version: the annotators' projects are asked for; the gold
    /// version replaces the open project, unless that is a gold version already (or
    /// empty), which is then brought up to date.
    pub(super) fn build_gold(&mut self) {
        let project = self.session.project();
        if is_gold(project) || project.documents.is_empty() {
            self.ask_file(FilePurpose::Gold);
        } else {
            self.confirm_then(Pending::BuildGold);
        }
    }

    /// The strategy chosen in the Review menu.
    fn strategy(&self) -> Strategy {
        self.settings
            .merge_strategy
            .parse()
            .unwrap_or(Strategy::Majority)
    }

    /// Merges the annotators' projects, read from `results`, into the gold project.
    pub(super) fn finish_gold(&mut self, results: Vec<(PathBuf, Result<Project, io::LoadError>)>) {
        let mut read = Vec::with_capacity(results.len());
        for (path, result) in results {
            match result {
                Ok(project) => read.push((path, project)),
                Err(error) => {
                    self.dialog = Some(Dialog::Failed(Failure::Open(error)));
                    return;
                }
            }
        }
        if read.len() < 2 {
            self.view.status = "A gold version is built from two or more annotators' projects: \
                                choose several files"
                .into();
            return;
        }
        // The gold version is never one of its own sources (nor its file overwritten by
        // a merge of itself).
        if let Some(gold) = self.session.path()
            && let Some((same, _)) = read.iter().find(|(p, _)| io::is_same_file(p, gold))
        {
            self.view.status = format!(
                "Not merged: {} is the open gold version, not an annotator's project",
                same.display()
            );
            return;
        }
        let strategy = self.strategy();
        if let Err(why) = strategy.check(read.len()) {
            self.view.status = format!("Not merged: {why} (Review > Merge strategy)");
            return;
        }
        let names: Vec<String> = {
            let fallback = |p: &PathBuf| {
                p.file_stem()
                    .map_or(String::new(), |s| s.to_string_lossy().into_owned())
            };
            Source::named(read.iter().map(|(path, project)| (project, fallback(path))))
                .into_iter()
                .map(|s| s.name)
                .collect()
        };
        let annotators: Vec<Annotator> = read
            .into_iter()
            .zip(names)
            .map(|((path, project), name)| Annotator {
                name,
                path,
                project,
            })
            .collect();
        let stamp = self.stamp();
        let open = self.session.project();
        let replaces_open = !is_gold(open) && !open.documents.is_empty();
        // Asked before the files were chosen; work recovered or typed since is not
        // dropped without asking.
        if replaces_open && self.session.is_dirty() {
            self.view.status = "Not merged: the open project has unsaved changes; save it, then \
                                build the gold version again"
                .into();
            return;
        }
        // Into the open project when it is a gold version already (or empty), as one
        // undoable edit; otherwise into a new project that replaces it.
        let mut new_gold = replaces_open.then(|| {
            let schema = annotators
                .first()
                .map(|a| a.project.schema.clone())
                .unwrap_or_else(io::default_schema);
            let mut gold = Project::new("gold", schema);
            gold.annotators = annotators.iter().map(|a| a.name.clone()).collect();
            gold
        });
        let merged = {
            let sources: Vec<Source<'_>> = annotators
                .iter()
                .map(|a| Source {
                    name: a.name.clone(),
                    project: &a.project,
                })
                .collect();
            let gold = new_gold.as_ref().unwrap_or(open);
            merge::merge_edit(gold, &sources, strategy, &stamp).map(|(edit, report)| {
                if edit.changes.is_empty() {
                    (edit, report)
                } else {
                    (ops::listing_author(gold, edit, &stamp.author), report)
                }
            })
        };
        let applied = merged.and_then(|(edit, report)| match &mut new_gold {
            Some(gold) => edit.apply(gold).map(|_| report),
            // Nothing new to take: no step to undo.
            None if edit.changes.is_empty() => Ok(report),
            None => self.session.apply(edit).map(|_| report),
        });
        let report = match applied {
            Ok(report) => report,
            Err(error) => {
                self.view.status = format!("Not merged: {error}");
                return;
            }
        };
        if let Some(gold) = new_gold {
            self.replace_session(Session::unsaved(gold));
            self.session.mark_unsaved();
        }
        let generation = self.session.generation();
        let state =
            AdjudicationState::new(self.session.project(), generation, annotators, strategy);
        self.view.status = format!(
            "Merged under \"{strategy}\": {} unit(s) agreed, {} item(s) to adjudicate{}",
            report.agreed(),
            state.items.len(),
            if report.not_merged.is_empty() {
                String::new()
            } else {
                format!(", {} article(s) not merged", report.not_merged.len())
            }
        );
        if !report.not_merged.is_empty() {
            self.dialog = Some(Dialog::Report {
                title: "Articles not merged".into(),
                diagnostics: report
                    .not_merged
                    .iter()
                    .map(|n| crate::model::Diagnostic::new(n.to_string()))
                    .collect(),
            });
        }
        self.adjudication = Some(state);
    }

    pub(super) fn adjudication_action(&mut self, action: AdjudicationAction) {
        match action {
            AdjudicationAction::Show(index) => self.show_item(index),
            AdjudicationAction::Accept(v) => {
                self.accept_version(v, false);
            }
            AdjudicationAction::Close => self.adjudication = None,
        }
    }

    /// The item on screen, to decide. When the screen shows none (nothing yet, or the
    /// annotation just accepted), the current item is shown instead, and nothing is
    /// decided that the user has not seen.
    fn item_on_screen(&mut self) -> Option<usize> {
        let state = self.adjudication.as_ref()?;
        if state.items.is_empty() {
            self.view.status = "Nothing left to adjudicate".into();
            return None;
        }
        match (state.current, state.shown) {
            (Some(index), true) => Some(index),
            (current, _) => {
                self.show_item(current.unwrap_or(0));
                self.view.status = "This item is shown: decide it with the same key".into();
                None
            }
        }
    }

    /// Puts version `v` of the item shown into the gold version; with `edit`, selects
    /// what was added so the user can change it.
    pub(super) fn accept_version(&mut self, v: usize, edit: bool) {
        let Some(index) = self.item_on_screen() else {
            return;
        };
        let Some(state) = &self.adjudication else {
            return;
        };
        let Some(item) = state.items.get(index) else {
            return;
        };
        if v >= item.versions.len() {
            self.view.status = format!("This item has {} version(s)", item.versions.len());
            return;
        }
        let stamp = self.stamp();
        let built = merge::accept(self.session.project(), &state.sources(), item, v, &stamp);
        let doc = item.doc;
        let Some(added) = self.apply_built(built) else {
            return;
        };
        self.after_decision(index);
        if edit {
            let target = match added {
                AnnotationRef::Mention(id) => Some(Filler::Mention(id)),
                AnnotationRef::Event(id) => Some(Filler::Event(id)),
                AnnotationRef::Relation(_) => None,
            };
            self.show_document(doc);
            self.clear_selection();
            self.select(target, true);
            if let Some(state) = &mut self.adjudication {
                state.shown = false;
            }
            self.view.status =
                "Accepted: change it in the panel on the right, then F8 for the next item".into();
        }
    }

    /// Rejects every version of the item shown.
    pub(super) fn reject_item(&mut self) {
        let Some(index) = self.item_on_screen() else {
            return;
        };
        let Some(state) = &self.adjudication else {
            return;
        };
        let Some(item) = state.items.get(index) else {
            return;
        };
        let built = merge::reject(self.session.project(), item, &self.stamp());
        if self.apply_result(built) {
            self.after_decision(index);
        }
    }

    /// After a decision on item `index`: the list is counted again and the item that
    /// took its place is shown.
    fn after_decision(&mut self, index: usize) {
        let generation = self.session.generation();
        let touched = self.session.take_touched();
        let Some(state) = &mut self.adjudication else {
            return;
        };
        state.set_current(index);
        state.refresh(self.session.project(), generation, &touched);
        if let Some(next) = state.current {
            self.show_item(next);
        }
    }

    /// Shows the next (or previous) item left to adjudicate.
    pub(super) fn step_item(&mut self, backwards: bool) {
        let Some(next) = self.adjudication.as_ref().and_then(|s| s.step(backwards)) else {
            self.view.status = "Nothing left to adjudicate".into();
            return;
        };
        self.show_item(next);
    }

    /// Shows item `index`: its document, its text selected and in view.
    fn show_item(&mut self, index: usize) {
        let Some(state) = &mut self.adjudication else {
            return;
        };
        let Some(item) = state.items.get(index) else {
            return;
        };
        let (doc, ranges) = (item.doc, item.ranges.clone());
        state.set_current(index);
        state.shown = true;
        self.show_document(doc);
        let start = ranges.iter().map(|r| r.start).min();
        let end = ranges.iter().map(|r| r.end).max();
        if let (Some(start), Some(end)) = (start, end) {
            self.view.selected = None;
            self.view.selection = Some(Span::new(start, end));
            self.view.popup = None;
            self.article.scroll_to(start);
        }
    }
}
