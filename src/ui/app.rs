//! The application: owns the settings, the open project and the view, draws the panels
//! and then executes what they asked for.

use super::article::{ArticleInput, ArticleView, article_ui};
use super::command::{Action, UiCommand};
use super::settings::Settings;
use super::state::{Dialog, Session, ViewState};
use crate::io;
use crate::model::Project;
use std::path::PathBuf;

/// The sample project, opened when eventail starts without a project.
const SAMPLE_PROJECT: &str = include_str!("../../projects/palmyre.ron");

/// The eventail window.
pub struct EventailApp {
    pub(super) settings: Settings,
    pub(super) session: Session,
    pub(super) view: ViewState,
    pub(super) article: ArticleView,
    pub(super) dialog: Option<Dialog>,
    pub(super) actions: Vec<Action>,
    /// Set once the user agreed to close despite unsaved changes.
    pub(super) allow_close: bool,
    /// Writes recovery files off the UI thread.
    pub(super) autosaver: crate::io::Autosaver,
    /// The generation last autosaved, and when (egui time, seconds).
    pub(super) last_autosave: Option<((u64, usize), f64)>,
    /// Long work running in the background.
    pub(super) job: Option<super::jobs::Job>,
    /// To wake the window from background threads.
    pub(super) ctx: egui::Context,
    title: String,
}

impl EventailApp {
    /// Creates the app, restoring settings and opening `project` (the sample when `None`).
    pub fn new(cc: &eframe::CreationContext<'_>, project: Option<PathBuf>) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = Self {
            settings,
            session: Session::unsaved(sample_project()),
            view: ViewState::default(),
            article: ArticleView::default(),
            dialog: None,
            actions: Vec::new(),
            allow_close: false,
            autosaver: crate::io::Autosaver::new(),
            last_autosave: None,
            job: None,
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
                    .filter(|p| io::pending_recovery(p).is_some())
                    .cloned();
                if let Some(path) = crashed {
                    app.open_path(path);
                }
            }
        }
        app
    }

    /// The open project.
    pub fn project(&self) -> &Project {
        &self.session.project
    }

    /// The file of the open project, if it has one.
    pub fn project_path(&self) -> Option<&std::path::Path> {
        self.session.path.as_deref()
    }

    /// True when the project has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.session.is_dirty()
    }

    /// The error shown to the user, if any.
    pub fn error_message(&self) -> Option<&str> {
        match &self.dialog {
            Some(Dialog::Error(message) | Dialog::Invalid { message, .. }) => Some(message),
            _ => None,
        }
    }

    /// Index of the shown document.
    pub fn current_document(&self) -> usize {
        self.view.doc
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

    fn update_title(&mut self, ctx: &egui::Context) {
        let file = self
            .session
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("not saved".to_string(), |n| {
                n.to_string_lossy().into_owned()
            });
        let dirty = if self.session.is_dirty() { "✱ " } else { "" };
        let read_only = if self.session.read_only {
            " (read-only)"
        } else {
            ""
        };
        let title = format!(
            "{dirty}{} — {file}{read_only} — eventail",
            self.session.project.name
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Shortcuts of the command table and of the schema's types.
    fn keyboard(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        // egui matches Ctrl+Z when Ctrl+Shift+Z is pressed, so try the shortcuts with
        // more modifiers first.
        let mut shortcuts: Vec<(UiCommand, egui::KeyboardShortcut)> = UiCommand::ALL
            .into_iter()
            // In a text field, plain keys and undo belong to the field.
            .filter(|c| {
                !typing
                    || !(c.needs_free_keyboard() || matches!(c, UiCommand::Undo | UiCommand::Redo))
            })
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (c, s)))
            .collect();
        shortcuts.sort_by_key(|(_, s)| {
            let m = s.modifiers;
            std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl))
        });
        for (command, shortcut) in shortcuts {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.actions.push(Action::Command(command));
            }
        }
        if typing || self.dialog.is_some() || self.view.palette.is_some() {
            return;
        }
        let typed: Vec<String> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .collect()
        });
        let schema = &self.session.project.schema;
        for text in typed {
            let mut chars = text.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                continue;
            };
            let lower = c.to_lowercase().next().unwrap_or(c);
            if c.is_uppercase() {
                if let Some(t) = schema
                    .event_types
                    .iter()
                    .find(|t| t.shortcut == Some(lower))
                {
                    self.actions.push(Action::AddEvent(t.name.clone()));
                }
            } else if self.view.selection.is_some()
                && let Some(t) = schema.entity_types.iter().find(|t| t.shortcut == Some(c))
            {
                self.actions.push(Action::TagSelection(t.name.clone()));
            }
        }
    }
}

/// The built-in sample, or an empty project if it cannot be read (a test guards it).
fn sample_project() -> Project {
    io::project_from_str(SAMPLE_PROJECT, std::path::Path::new("palmyre.ron"))
        .unwrap_or_else(|_| Project::new("Untitled", io::default_schema()))
}

impl eframe::App for EventailApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            self.request_quit(&ctx);
        }
        self.poll_job();
        self.keyboard(&ctx);

        egui::Panel::top("menu").show(ui, |ui| {
            super::menu_ui::menu_ui(ui, self);
        });
        let frame_time = frame.info().cpu_usage;
        egui::Panel::bottom("status").show(ui, |ui| {
            self.status_ui(ui, frame_time);
        });
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| {
                super::documents_ui::documents_ui(
                    ui,
                    &self.session.project,
                    self.view.doc,
                    &mut self.actions,
                );
            });
        egui::Panel::right("events")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("side")
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        super::mention_ui::mention_ui(
                            ui,
                            &self.session.project,
                            &self.view,
                            &mut self.actions,
                        );
                        super::events_ui::events_ui(
                            ui,
                            &self.session.project,
                            &self.view,
                            &mut self.actions,
                        );
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let input = ArticleInput {
                project: &self.session.project,
                doc_index: self.view.doc,
                generation: self.session.history.generation(),
                selection: self.view.selection,
                selected: self.view.selected,
                active_role: self.view.active_role.as_ref(),
            };
            article_ui(ui, &mut self.article, &input, &mut self.actions);
        });
        super::popup_ui::popup_ui(
            &ctx,
            &self.session.project,
            &mut self.view,
            &mut self.actions,
        );
        super::dialogs_ui::dialogs_ui(&ctx, self);

        for action in std::mem::take(&mut self.actions) {
            self.execute(&ctx, action);
        }
        // After the actions: a new selection closes the old popup, then this one opens.
        if let Some(anchor) = self.article.take_popup_anchor()
            && self.view.selection.is_some()
        {
            self.view.popup = Some(anchor);
        }
        self.autosave(&ctx);
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

impl EventailApp {
    fn status_ui(&mut self, ui: &mut egui::Ui, frame_time: Option<f32>) {
        ui.horizontal(|ui| {
            if let Some((event, role)) = &self.view.active_role {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("Click a highlight to fill “{role}” of {event} — Esc cancels"),
                );
            } else if let Some(sel) = self.view.selection {
                ui.label(format!(
                    "Selected characters {}–{}: press an entity key, or Shift+key for an event",
                    sel.start, sel.end
                ));
            } else {
                ui.weak("Drag or double-click text to select it; click a highlight to edit it");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if self.view.show_frame_time
                    && let Some(seconds) = frame_time
                {
                    ui.monospace(format!("frame {:.2} ms", seconds * 1000.0));
                    // Keep measuring: without this egui only repaints on input.
                    ui.ctx().request_repaint();
                }
                ui.label(&self.view.status);
            });
        });
    }
}
