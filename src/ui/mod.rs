//! The eframe application: panels as `*_ui` functions that read the project and push
//! [`command::Action`]s, executed after the panels by [`app::EventailApp`].

pub mod app;
pub mod article;
pub mod command;
mod dialogs_ui;
mod documents_ui;
mod events_ui;
mod execute;
mod files;
mod jobs;
mod labels;
mod mention_ui;
mod menu_ui;
mod popup_ui;
pub mod settings;
pub mod state;
pub mod transfer;

pub use app::EventailApp;

use std::path::PathBuf;

/// Opens the main window on `project` (the built-in sample when `None`) until it closes.
pub fn run(project: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("eventail")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([700.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "eventail",
        options,
        Box::new(move |cc| Ok(Box::new(EventailApp::new(cc, project)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
