//! The application: owns the settings, the open project and the view; each frame it
//! draws the panels, which push actions, then handles those actions in one place.

use super::action::{Action, SchemaAction};
use super::article::{ArticleInput, ArticleView, article_ui};
use super::autosave::AutosaveState;
use super::file_dialog::{FileDialogs, NativeFileDialogs};
use super::jobs::Job;
use super::session::Session;
use super::settings::Settings;
use super::state::{Dialog, ViewState};
use crate::io;
use crate::model::Project;
use std::path::{Path, PathBuf};

/// The sample project, opened when eventail starts without a project.
const SAMPLE_PROJECT: &str = include_str!("../../projects/palmyre.ron");

/// The eventail window.
pub struct EventailApp {
    pub(super) settings: Settings,
    pub(super) session: Session,
    pub(super) view: ViewState,
    pub(super) article: ArticleView,
    pub(super) dialog: Option<Dialog>,
    pub(super) files: Box<dyn FileDialogs>,
    /// Set once the user agreed to close despite unsaved changes.
    pub(super) allow_close: bool,
    /// Set when the window was asked to close while a save or an export was being
    /// written.
    pub(super) quit_when_idle: bool,
    /// The save being written off the UI thread.
    pub(super) saving: Option<super::saving::SaveInFlight>,
    /// A save asked for while another was being written.
    pub(super) queued_save: Option<super::saving::QueuedSave>,
    /// Lets tests hold saves back, to act while one is under way.
    pub(super) save_gate: super::gate::Gate,
    /// Where the rest of a project being read waits while a test holds it.
    pub(super) read_gate: super::gate::Gate,
    pub(super) autosave: AutosaveState,
    /// Long work running in the background.
    pub(super) job: Option<Job>,
    /// The documents of the open project after its first, while they are read.
    pub(super) rest: Option<super::rest_reader::RestReader>,
    /// The comparison with a colleague's project, while the review panel is open.
    pub(super) review: Option<super::review::ReviewState>,
    /// The adjudication of the open (gold) project, while its panel is open.
    pub(super) adjudication: Option<super::adjudication::AdjudicationState>,
    /// The schema editor, while it is open.
    pub(super) schema_editor: Option<super::schema_editor::SchemaEditor>,
    /// The Problems panel, while it is open.
    pub(super) problems: Option<super::problems::ProblemsState>,
    /// The search panel, while it is open.
    pub(super) search: Option<super::search::SearchState>,
    /// The "Annotate all" dialog, while it is open.
    pub(super) annotate_all: Option<super::search::AnnotateAllState>,
    /// The incidents view, while it is open.
    pub(super) incidents: Option<super::incidents::IncidentsState>,
    /// Projects to compare with or adjudicate from once nothing runs in the background (the
    /// project given on the command line may still be being read).
    pub(super) read_when_idle: Vec<(super::jobs::ProjectsFor, Vec<PathBuf>)>,
    /// Actions held back until a text field has committed its draft.
    deferred: Vec<Action>,
    /// To wake the window from background threads.
    pub(super) ctx: egui::Context,
    title: String,
}

impl EventailApp {
    /// Creates the app with the system's file dialogs, restoring settings and opening
    /// `project` (the sample when `None`).
    pub fn new(cc: &eframe::CreationContext<'_>, project: Option<PathBuf>) -> Self {
        Self::with_file_dialogs(cc, project, Box::new(NativeFileDialogs::default()))
    }

    /// Creates the app with the given file dialogs (scripted ones in tests).
    pub fn with_file_dialogs(
        cc: &eframe::CreationContext<'_>,
        project: Option<PathBuf>,
        files: Box<dyn FileDialogs>,
    ) -> Self {
        super::fonts::install_fonts(&cc.egui_ctx);
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY))
            .unwrap_or_default();
        // With a project to open, start empty: if it cannot be opened (or the user
        // cancels), nothing that is not theirs is on screen.
        let start = match project {
            Some(_) => Project::new("Untitled", io::default_schema()),
            None => sample_project(),
        };
        let mut app = Self {
            settings,
            session: Session::unsaved(start),
            view: ViewState::default(),
            article: ArticleView::default(),
            dialog: None,
            files,
            allow_close: false,
            quit_when_idle: false,
            saving: None,
            queued_save: None,
            save_gate: Default::default(),
            read_gate: Default::default(),
            autosave: AutosaveState::default(),
            job: None,
            rest: None,
            review: None,
            adjudication: None,
            schema_editor: None,
            search: None,
            problems: None,
            annotate_all: None,
            incidents: None,
            read_when_idle: Vec::new(),
            deferred: Vec::new(),
            ctx: cc.egui_ctx.clone(),
            title: String::new(),
        };
        match project {
            Some(path) => app.open_path(path),
            // After a crash, the next start goes back to the work that was not saved.
            None => {
                let crashed = app
                    .settings
                    .recent
                    .first()
                    .filter(|p| io::has_recovery_file(p))
                    .cloned();
                if let Some(path) = crashed {
                    app.open_path(path);
                }
            }
        }
        app
    }

    /// Carries out `action` as if a panel had asked for it between two frames: for
    /// tests and benchmarks that set up what a person would have clicked.
    pub fn act(&mut self, action: Action) {
        self.handle(action);
    }

    /// The open project.
    pub fn project(&self) -> &Project {
        self.session.project()
    }

    /// The file of the open project, if it has one.
    pub fn project_path(&self) -> Option<&Path> {
        self.session.path()
    }

    /// True when the project has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.session.is_dirty()
    }

    /// The text of the dialog shown to the user, if it reports a failure or a result.
    pub fn error_message(&self) -> Option<String> {
        match &self.dialog {
            Some(Dialog::Failed(failure)) => Some(failure.to_string()),
            Some(Dialog::Invalid { error, .. }) => Some(error.to_string()),
            Some(Dialog::Report { title, diagnostics }) => {
                let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
                Some(format!("{title}\n{}", lines.join("\n")))
            }
            _ => None,
        }
    }

    /// The failure shown to the user, if any, typed.
    pub fn failure(&self) -> Option<&super::failure::Failure> {
        match &self.dialog {
            Some(Dialog::Failed(failure)) => Some(failure),
            _ => None,
        }
    }

    /// True while a dialog waits for the user's answer.
    pub fn has_dialog(&self) -> bool {
        self.dialog.is_some()
    }

    /// Index of the shown document.
    pub fn current_document(&self) -> usize {
        self.view.doc
    }

    /// Whether the status bar shows how long the last frame took.
    pub fn shows_frame_time(&self) -> bool {
        self.view.show_frame_time
    }

    /// True once the window was told to close (the user agreed, or nothing was left
    /// to save).
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    /// True while a save is being written.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Holds back the saves, before they write anything, until the hold is dropped:
    /// for tests that act while a save is under way.
    pub fn hold_saves(&self) -> super::gate::Hold {
        self.save_gate.hold()
    }

    /// Holds back the reading of a project's documents after its first until the hold
    /// is dropped: for tests that act while they are read.
    pub fn hold_reading(&self) -> super::gate::Hold {
        self.read_gate.hold()
    }

    /// How many documents of the open project are still being read, if some are.
    pub fn documents_to_come(&self) -> Option<usize> {
        self.session.documents_to_come()
    }

    /// What runs in the background, if anything.
    pub fn background_job(&self) -> Option<&str> {
        self.job.as_ref().map(|j| j.label.as_str())
    }

    /// The text selected in the article.
    pub fn text_selection(&self) -> Option<crate::model::Span> {
        self.view.selection
    }

    /// The selected mention or event.
    pub fn selected(&self) -> Option<crate::model::Filler> {
        self.view.selected
    }

    /// The last thing that happened, as the status bar says it.
    pub fn status(&self) -> &str {
        &self.view.status
    }

    /// The adjudication of the open gold project, when its panel is open.
    pub fn adjudication(&self) -> Option<&super::adjudication::AdjudicationState> {
        self.adjudication.as_ref()
    }

    /// The comparison with a colleague's project, when one is open.
    pub fn review(&self) -> Option<&super::review::ReviewState> {
        self.review.as_ref()
    }

    /// The schema editor, when it is open.
    pub fn schema_editor(&self) -> Option<&super::schema_editor::SchemaEditor> {
        self.schema_editor.as_ref()
    }

    /// The Problems panel's state, when it is open.
    pub fn problems(&self) -> Option<&super::problems::ProblemsState> {
        self.problems.as_ref()
    }

    /// The search panel's state, when it is open.
    pub fn search(&self) -> Option<&super::search::SearchState> {
        self.search.as_ref()
    }

    /// The "Annotate all" dialog's state, when it is open.
    pub fn annotate_all(&self) -> Option<&super::search::AnnotateAllState> {
        self.annotate_all.as_ref()
    }

    /// The incidents view's state, when it is open.
    pub fn incidents(&self) -> Option<&super::incidents::IncidentsState> {
        self.incidents.as_ref()
    }

    /// The window's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let file = self
            .session
            .path()
            .and_then(|p| p.file_name())
            .map_or("not saved".to_string(), |n| {
                n.to_string_lossy().into_owned()
            });
        let dirty = if self.session.is_dirty() { "✱ " } else { "" };
        let read_only = if self.session.is_read_only() {
            " (read-only)"
        } else {
            ""
        };
        let title = format!(
            "{dirty}{} — {file}{read_only} — eventail",
            self.session.project().name
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The order in which this frame's actions take effect. Edits come first: they
    /// change what was on screen when the user made them (a note committed by the click
    /// that opens another document belongs to the document it was typed in). While a
    /// text field still has the keyboard, what would leave or save the work is held back
    /// one frame, and the field is asked to let go, so that its draft is committed first.
    fn order_actions(&mut self, ctx: &egui::Context, actions: Vec<Action>) -> Vec<Action> {
        let (mut ordered, rest): (Vec<Action>, Vec<Action>) = std::mem::take(&mut self.deferred)
            .into_iter()
            .chain(actions)
            .partition(|a| matches!(a, Action::Edit(_)));
        if super::widgets::is_drafting(ctx) && rest.iter().any(needs_committed_drafts) {
            ctx.memory_mut(|m| m.stop_text_input());
            if rest.contains(&Action::Command(super::command::UiCommand::Quit)) {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
            let (later, now): (Vec<Action>, Vec<Action>) =
                rest.into_iter().partition(needs_committed_drafts);
            self.deferred = later;
            ordered.extend(now);
            ctx.request_repaint();
        } else {
            ordered.extend(rest);
        }
        ordered
    }

    /// Draws every panel; they push what the user asked for into `actions`.
    fn panels_ui(&self, ui: &mut egui::Ui, frame_time: Option<f32>, actions: &mut Vec<Action>) {
        let project = self.session.project();
        egui::Panel::top("menu").show(ui, |ui| {
            let input = super::menu_ui::MenuInput {
                recent: &self.settings.recent,
                undo: self.session.undo_label(),
                redo: self.session.redo_label(),
                has_selected: self.view.selected.is_some(),
                has_text_selection: self.view.selection.is_some(),
                show_frame_time: self.view.show_frame_time,
                annotator: &self.settings.annotator,
                merge_strategy: &self.settings.merge_strategy,
                adjudicating: self.adjudication.is_some(),
            };
            super::menu_ui::menu_ui(ui, &input, actions);
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            super::status_ui::status_ui(ui, &self.view, self.autosave.problem(), frame_time);
        });
        if project.documents.iter().any(|d| !d.conflicts.is_empty()) {
            egui::Panel::bottom("conflicts").show(ui, |ui| {
                super::conflicts_ui::conflicts_ui(ui, project, actions);
            });
        }
        if let Some(adjudication) = &self.adjudication {
            egui::Panel::bottom("adjudication")
                .resizable(true)
                .default_size(260.0)
                .show(ui, |ui| {
                    super::adjudication_ui::adjudication_ui(
                        ui,
                        adjudication,
                        self.view.doc,
                        actions,
                    );
                });
        }
        if let Some(search) = &self.search {
            egui::Panel::bottom("search")
                .resizable(true)
                .default_size(220.0)
                .show(ui, |ui| {
                    super::search_ui::search_ui(ui, project, search, actions)
                });
        }
        if let Some(problems) = &self.problems {
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(200.0)
                .show(ui, |ui| {
                    super::problems_ui::problems_ui(ui, problems, actions)
                });
        }
        if let Some(incidents) = &self.incidents {
            let generation = self.session.generation();
            egui::Panel::bottom("incidents")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| {
                    super::incidents_ui::incidents_ui(ui, project, incidents, generation, actions);
                });
        }
        if let Some(review) = &self.review {
            egui::Panel::bottom("review")
                .resizable(true)
                .default_size(240.0)
                .show(ui, |ui| super::review_ui::review_ui(ui, review, actions));
        }
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| {
                let to_come = self.session.documents_to_come();
                super::documents_ui::documents_ui(ui, project, self.view.doc, to_come, actions);
            });
        // The side panel keeps the width the user dragged it to: everything in it wraps
        // or scrolls, so opening the editor or a warning never re-wraps the article.
        egui::Panel::right("events")
            .resizable(true)
            .default_size(460.0)
            .size_range(260.0..=1200.0)
            .show(ui, |ui| {
                super::schema_ui::legend_ui(ui, project, self.view.doc);
                // The table above, the editor below, each scrolling on its own; the
                // line between them drags.
                let generation = self.session.generation();
                let tallest = (ui.available_height() - 120.0).max(160.0);
                egui::Panel::top("event table")
                    .resizable(true)
                    .default_size((ui.available_height() * 0.5).max(160.0))
                    .size_range(140.0..=tallest)
                    .show(ui, |ui| {
                        super::events_ui::events_ui(ui, project, &self.view, generation, actions);
                    });
                egui::ScrollArea::vertical()
                    .id_salt("side")
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        super::mention_ui::mention_ui(ui, project, &self.view, actions);
                        super::relations_ui::relations_ui(ui, project, &self.view, actions);
                        super::events_ui::selected_event_ui(ui, project, &self.view, actions);
                    });
            });
    }
}

/// True for actions after which a draft still in a text field would be lost or left
/// out: leaving the annotation, the document or the project, saving, exporting.
fn needs_committed_drafts(action: &Action) -> bool {
    use super::command::UiCommand as C;
    match action {
        Action::Command(command) => matches!(
            command,
            C::NewProject
                | C::Open
                | C::Save
                | C::SaveAs
                | C::Import(_)
                | C::Export(_)
                | C::Quit
                | C::NextDocument
                | C::PreviousDocument
                | C::DeleteSelected
                | C::BuildGold
                | C::AcceptVersion(_)
                | C::RejectItem
                | C::EditItem
                | C::SaveSchemaAs
                | C::LoadSchema
                | C::ImportBratSchema
        ),
        Action::Schema(SchemaAction::Delete(..) | SchemaAction::Close) => true,
        Action::Adjudication(_) => true,
        Action::Incidents(action) => action.leaves_detail(),
        Action::OpenPath(_) | Action::ShowDocument(_) | Action::Select { .. } => true,
        _ => false,
    }
}

/// The built-in sample, or an empty project if it cannot be read (a test guards it).
fn sample_project() -> Project {
    io::project_from_str(SAMPLE_PROJECT, Path::new("palmyre.ron"))
        .unwrap_or_else(|_| Project::new("Untitled", io::default_schema()))
}

impl eframe::App for EventailApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut actions = Vec::new();
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            actions.push(Action::Command(super::command::UiCommand::Quit));
        }
        // A file dialog drawn in the window is modal, like a native one.
        let file_dialog_open = self.files.is_open();
        if file_dialog_open {
            ui.disable();
        } else {
            let modal = self.dialog.is_some()
                || self.view.palette.is_some()
                || self.view.link_incident.is_some()
                || self.job.is_some()
                || self.annotate_all.is_some();
            super::keys::shortcuts(
                &ctx,
                self.session.project(),
                &self.view,
                modal,
                &mut actions,
            );
        }
        self.panels_ui(ui, frame.info().cpu_usage, &mut actions);
        egui::CentralPanel::default().show(ui, |ui| {
            if self.session.project().documents.is_empty() {
                super::start_ui::start_ui(ui, &self.settings.recent, &mut actions);
                return;
            }
            let input = ArticleInput {
                project: self.session.project(),
                doc_index: self.view.doc,
                generation: self.session.generation(),
                selection: self.view.selection,
                selected: self.view.selected,
                active_role: self.view.active_role.as_ref(),
                linking: self.view.linking,
                marks: self.review.as_ref().map_or(&[], |r| {
                    let doc = self.session.project().documents.get(self.view.doc);
                    doc.map_or(&[], |d| r.marks(&d.name))
                }),
                current_mark: self.review.as_ref().and_then(|r| r.current),
            };
            article_ui(ui, &mut self.article, &input, &mut actions);
        });
        super::popup_ui::popup_ui(&ctx, self.session.project(), &self.view, &mut actions);
        super::relations_ui::relation_type_ui(
            &ctx,
            self.session.project(),
            &self.view,
            &mut actions,
        );
        if let Some(editor) = &self.schema_editor {
            super::schema_ui::schema_window_ui(&ctx, self.session.project(), editor, &mut actions);
        }
        if let Some(dialog) = &self.dialog {
            super::dialogs_ui::dialog_ui(&ctx, dialog, &self.session.project().name, &mut actions);
        }
        if let Some(state) = &self.annotate_all {
            super::search_ui::annotate_all_ui(&ctx, self.session.project(), state, &mut actions);
        }
        if let Some(popup) = &self.view.link_incident
            && let Some(doc) = self.session.project().documents.get(self.view.doc)
        {
            let input = super::incident_link_ui::LinkInput {
                project: self.session.project(),
                doc_index: self.view.doc,
                doc,
                popup,
                generation: self.session.generation(),
            };
            super::incident_link_ui::incident_link_ui(&ctx, &input, &mut actions);
        }
        if let Some(query) = &self.view.palette {
            super::dialogs_ui::palette_ui(&ctx, query, &mut actions);
        }
        if let Some(job) = &self.job {
            super::dialogs_ui::job_ui(&ctx, job, &mut actions);
        }
        if let Some(answer) = self.files.ui(&ctx) {
            actions.push(Action::FilesChosen(answer));
        }

        // Everything the panels asked for, and every effect, happens here.
        self.view.reveal = None;
        for action in self.order_actions(&ctx, actions) {
            self.handle(action);
        }
        self.poll_save();
        self.poll_job();
        self.poll_rest();
        // Once the project is open (it may be read in the background, or wait for
        // an answer about its lock or its autosave), or was not.
        if self.job.is_none()
            && self.rest.is_none()
            && self.dialog.is_none()
            && !self.read_when_idle.is_empty()
        {
            // One at a time: each may start a job or ask a question.
            let (purpose, paths) = self.read_when_idle.remove(0);
            if self.session.path().is_some() {
                self.read_projects(paths, purpose);
            } else {
                self.read_when_idle.clear();
            }
        }
        if let Some(review) = &mut self.review {
            review.refresh(self.session.project(), self.session.generation());
        }
        if let Some(search) = &mut self.search {
            search.refresh(self.session.project(), self.session.generation());
        }
        if let Some(problems) = &mut self.problems {
            problems.refresh(self.session.project(), self.session.generation());
        }
        let touched = self.session.take_touched();
        if let Some(adjudication) = &mut self.adjudication {
            adjudication.refresh(self.session.project(), self.session.generation(), &touched);
        }
        // After the actions: a new selection closes the old popup, then this one opens.
        if let Some(anchor) = self.article.take_popup_anchor()
            && self.view.selection.is_some()
        {
            self.view.popup = Some(anchor);
        }
        if self.view.reveal.is_some() {
            ctx.request_repaint();
        }
        self.autosave_tick(&ctx);
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
