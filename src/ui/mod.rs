//! The eframe application. Each frame, panels (`*_ui` functions) read the project and
//! the view and push [`action::Action`]s; then [`app::EventailApp`] handles them in one
//! place (`handle/`), where every effect happens: edits through the session, files,
//! dialogs, locks and background jobs.

pub mod action;
pub mod adjudication;
mod adjudication_ui;
pub mod app;
pub mod article;
mod autosave;
mod cell_popup_ui;
pub mod command;
mod conflicts_ui;
mod dataset_mapping_ui;
mod date_hint;
mod date_hint_ui;
mod dialogs_ui;
mod documents_ui;
pub mod event_table;
mod event_table_ui;
pub mod events_ui;
pub mod failure;
pub mod file_dialog;
pub mod filler_candidates;
mod filler_popup_ui;
pub mod fonts;
mod frame_cache;
pub mod gate;
mod handle;
mod incident_cell_ui;
mod incident_detail_ui;
pub mod incident_disputes;
pub mod incident_link;
mod incident_link_ui;
mod incident_reports_ui;
pub mod incident_table;
pub mod incidents;
mod incidents_ui;
mod jobs;
mod keys;
mod labels;
mod mention_ui;
mod menu_ui;
mod popup_ui;
pub mod problems;
mod problems_ui;
mod relations_ui;
mod rest_reader;
pub mod review;
mod review_tables_ui;
mod review_ui;
pub mod saving;
pub mod schema_editor;
mod schema_ui;
pub mod search;
mod search_ui;
pub mod session;
pub mod settings;
mod start_ui;
pub mod state;
mod status_ui;
mod table_cells_ui;
pub mod table_cursor;
mod table_filters_ui;
mod table_keys;
pub mod timeline;
mod timeline_ui;
mod widgets;

pub use app::EventailApp;
pub use jobs::ProjectsFor;

use std::path::PathBuf;

/// Opens the main window on `project` (the built-in sample when `None`) until it closes.
pub fn run(
    project: Option<PathBuf>,
    compare: Vec<PathBuf>,
    adjudicate: Vec<PathBuf>,
) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("eventail")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([700.0, 400.0]),
        // eframe's system font fallback is not built in (its `system_fonts` feature is
        // off); the app brings its own CJK provider (`fonts::cjk`).
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "eventail",
        options,
        Box::new(move |cc| {
            let mut app = EventailApp::new(cc, project);
            app.read_when_open(ProjectsFor::Compare, compare);
            app.read_when_open(ProjectsFor::Gold, adjudicate);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
