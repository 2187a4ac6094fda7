//! Carrying out the actions the panels pushed: edits go through the history, so every
//! change can be undone.

use super::app::EventailApp;
use super::command::{Action, UiCommand};
use super::state::Pending;
use crate::edit::{Edit, EditError, Stamp, ops};
use crate::model::{DocStatus, Filler};

impl EventailApp {
    /// Carries out one action.
    pub(super) fn execute(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(command) => self.execute_command(ctx, command),
            Action::OpenPath(path) => self.confirm_then(ctx, Pending::OpenPath(path)),
            Action::ShowDocument(index) => self.show_document(index),
            Action::SelectText(selection) => {
                self.view.selection = selection;
                self.view.popup = None;
            }
            Action::Select { target, scroll } => self.select(target, scroll),
            Action::TagSelection(entity_type) => {
                let Some(span) = self.view.selection else {
                    return;
                };
                let built = ops::add_mention(
                    &self.session.project,
                    self.view.doc,
                    &entity_type,
                    vec![span],
                    &self.stamp(),
                );
                if let Some(id) = self.apply_built(built) {
                    self.clear_selection();
                    self.view.selected = Some(Filler::Mention(id));
                }
            }
            Action::AddEvent(event_type) => {
                let trigger = self.view.selection.map(|s| vec![s]).unwrap_or_default();
                let built = ops::add_event(
                    &self.session.project,
                    self.view.doc,
                    &event_type,
                    trigger,
                    &self.stamp(),
                );
                if let Some(id) = self.apply_built(built) {
                    self.clear_selection();
                    self.view.selected = Some(Filler::Event(id));
                }
            }
            Action::SetMentionType(id, entity_type) => {
                let label = format!("change type of {id}");
                self.update(|p, doc, stamp| {
                    ops::update_mention(p, doc, id, label, stamp, |m| m.entity_type = entity_type)
                });
            }
            Action::SetEventType(id, event_type) => {
                let label = format!("change type of {id}");
                self.update(|p, doc, stamp| {
                    ops::update_event(p, doc, id, label, stamp, |e| e.event_type = event_type)
                });
            }
            Action::SetTriggerFromSelection(id) => {
                let Some(span) = self.view.selection else {
                    self.view.status = "Select the trigger's words in the text first".into();
                    return;
                };
                self.update(|p, doc, stamp| {
                    ops::update_event(p, doc, id, format!("set trigger of {id}"), stamp, |e| {
                        e.trigger = vec![span]
                    })
                });
                self.clear_selection();
            }
            Action::ClearTrigger(id) => self.update(|p, doc, stamp| {
                ops::update_event(p, doc, id, format!("remove trigger of {id}"), stamp, |e| {
                    e.trigger.clear()
                })
            }),
            Action::SetNote(target, note) => {
                let label = format!("edit note of {target}");
                self.update(|p, doc, stamp| match target {
                    Filler::Mention(id) => {
                        ops::update_mention(p, doc, id, label, stamp, |m| m.note = note)
                    }
                    Filler::Event(id) => {
                        ops::update_event(p, doc, id, label, stamp, |e| e.note = note)
                    }
                });
            }
            Action::SetAttribute(target, name, value) => {
                self.update(|p, doc, stamp| ops::set_attribute(p, doc, target, &name, value, stamp))
            }
            Action::Delete(target) => {
                self.update(|p, doc, stamp| match target {
                    Filler::Mention(id) => ops::delete_mention(p, doc, id, stamp),
                    Filler::Event(id) => ops::delete_event(p, doc, id, stamp),
                });
                if self.view.selected == Some(target) {
                    self.view.selected = None;
                }
            }
            Action::ActivateRole(role) => self.view.active_role = role,
            Action::AddArgument(event, role, filler) => {
                self.update(|p, doc, stamp| ops::add_argument(p, doc, event, &role, filler, stamp));
                self.view.active_role = None;
                self.view.selected = Some(Filler::Event(event));
            }
            Action::RemoveArgument(id, index) => self.update(|p, doc, stamp| {
                ops::update_event(
                    p,
                    doc,
                    id,
                    format!("remove an argument of {id}"),
                    stamp,
                    |e| {
                        if index < e.arguments.len() {
                            e.arguments.remove(index);
                        }
                    },
                )
            }),
            Action::Export(format) => self.export_dialog(format),
            Action::ImportDoccano => self.confirm_then(ctx, Pending::ImportDoccano),
            Action::ImportBrat => self.confirm_then(ctx, Pending::ImportBrat),
            Action::SetStatus(doc, status) => {
                let built = ops::set_status(&self.session.project, doc, status);
                self.apply_result(built);
            }
        }
    }

    fn execute_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        let doc = self.view.doc;
        match command {
            UiCommand::NewProject => self.confirm_then(ctx, Pending::NewProject),
            UiCommand::Open => self.confirm_then(ctx, Pending::Open),
            UiCommand::Save => {
                self.save();
            }
            UiCommand::SaveAs => {
                self.save_as();
            }
            UiCommand::ImportText => self.import_text_dialog(),
            UiCommand::Quit => self.request_quit(ctx),
            UiCommand::Undo => {
                let undone = self.session.history.undo(&mut self.session.project);
                let shown = undone.map(|e| (e.label.clone(), e.doc));
                self.after_history_step("Undid", shown);
            }
            UiCommand::Redo => {
                let redone = self.session.history.redo(&mut self.session.project);
                let shown = redone.map(|e| (e.label.clone(), e.doc));
                self.after_history_step("Redid", shown);
            }
            UiCommand::DeleteSelected => {
                if let Some(target) = self.view.selected {
                    self.execute(ctx, super::command::Action::Delete(target));
                }
            }
            UiCommand::NextDocument => self.show_document(doc.saturating_add(1)),
            UiCommand::PreviousDocument => self.show_document(doc.saturating_sub(1)),
            UiCommand::MarkNew => self.execute(ctx, Action::SetStatus(doc, DocStatus::New)),
            UiCommand::MarkInProgress => {
                self.execute(ctx, Action::SetStatus(doc, DocStatus::InProgress))
            }
            UiCommand::MarkDone => self.execute(ctx, Action::SetStatus(doc, DocStatus::Done)),
            UiCommand::AddEvent => {
                let first = self.session.project.schema.event_types.first();
                if let Some(t) = first.map(|t| t.name.clone()) {
                    self.execute(ctx, Action::AddEvent(t));
                }
            }
            UiCommand::Cancel => {
                self.view.active_role = None;
                self.view.palette = None;
                self.clear_selection();
            }
            UiCommand::CommandPalette => self.view.palette = Some(String::new()),
        }
    }

    /// Who and when, for the annotations an edit touches.
    fn stamp(&self) -> Stamp {
        Stamp::now(&self.settings.annotator)
    }

    /// Builds an edit on the shown document with `build` and applies it.
    fn update(
        &mut self,
        build: impl FnOnce(&crate::model::Project, usize, &Stamp) -> Result<Edit, EditError>,
    ) {
        let stamp = self.stamp();
        let built = build(&self.session.project, self.view.doc, &stamp);
        self.apply_result(built);
    }

    fn apply_result(&mut self, built: Result<Edit, EditError>) -> bool {
        let result = built.and_then(|edit| {
            let label = edit.label.clone();
            self.session
                .history
                .apply(&mut self.session.project, edit)
                .map(|()| label)
        });
        match result {
            Ok(label) => {
                self.view.status = format!("Done: {label}");
                true
            }
            Err(err) => {
                self.view.status = format!("Not done: {err}");
                false
            }
        }
    }

    fn apply_built<T>(&mut self, built: Result<(Edit, T), EditError>) -> Option<T> {
        match built {
            Ok((edit, id)) => self.apply_result(Ok(edit)).then_some(id),
            Err(err) => {
                self.apply_result(Err(err));
                None
            }
        }
    }

    fn after_history_step(&mut self, verb: &str, step: Option<(String, Option<usize>)>) {
        let Some((label, doc)) = step else {
            self.view.status = format!("Nothing to {}", verb.to_lowercase().trim_end_matches('d'));
            return;
        };
        self.view.status = format!("{verb}: {label}");
        if let Some(doc) = doc
            && doc != self.view.doc
        {
            self.show_document(doc);
        }
        // What was selected may be gone.
        let exists = |f: Filler| {
            self.session
                .project
                .documents
                .get(self.view.doc)
                .is_some_and(|d| d.has_filler(f))
        };
        if self.view.selected.is_some_and(|f| !exists(f)) {
            self.view.selected = None;
        }
        if let Some((event, _)) = &self.view.active_role
            && !exists(Filler::Event(*event))
        {
            self.view.active_role = None;
        }
    }

    fn clear_selection(&mut self) {
        self.view.selection = None;
        self.view.popup = None;
    }

    /// Shows document `index` (clamped to the list).
    pub(super) fn show_document(&mut self, index: usize) {
        let count = self.session.project.documents.len();
        let index = index.min(count.saturating_sub(1));
        if index != self.view.doc {
            self.view.doc = index;
            self.view.selected = None;
            self.view.active_role = None;
            self.clear_selection();
        }
    }

    fn select(&mut self, target: Option<Filler>, scroll: bool) {
        self.view.selected = target;
        let Some(target) = target else {
            return;
        };
        if !scroll {
            return;
        }
        let Some(doc) = self.session.project.documents.get(self.view.doc) else {
            return;
        };
        let start = match target {
            Filler::Mention(id) => doc.mention(id).map(|m| m.extent().start),
            Filler::Event(id) => doc.event(id).and_then(|e| {
                e.trigger.first().map(|t| t.start).or_else(|| {
                    e.arguments.iter().find_map(|a| match a.filler {
                        Filler::Mention(m) => doc.mention(m).map(|m| m.extent().start),
                        Filler::Event(_) => None,
                    })
                })
            }),
        };
        if let Some(start) = start {
            self.article.scroll_to(start);
        }
    }
}
