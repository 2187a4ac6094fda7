//! The "link to incident" popup: the event's current incident (with Unlink), a filter
//! box that has the keyboard, a line that makes a new incident from the event, and the
//! incidents it may report, best first, each with why ([`super::incident_link`]).
//!
//! Up and Down move the highlight, Enter or a click links (each an undoable edit), Esc
//! or a click outside closes; what it asks goes through actions, as anywhere.

use super::action::Action;
use super::incident_link::{IncidentLinkAction, LinkLine, LinkPopup, filtered, link_lines};
use crate::model::{Document, EventId, Project};
use egui::{Key, Modifiers};

/// What the popup reads.
pub struct LinkInput<'a> {
    /// The project.
    pub project: &'a Project,
    /// The shown document's index.
    pub doc_index: usize,
    /// The shown document.
    pub doc: &'a Document,
    /// The popup's state.
    pub popup: &'a LinkPopup,
    /// The session's generation: the lines are ranked again only when it changes.
    pub generation: (u64, usize),
}

fn push(actions: &mut Vec<Action>, action: IncidentLinkAction) {
    actions.push(Action::IncidentLink(action));
}

/// The keys the popup takes before its filter box sees them.
struct Keys {
    up: usize,
    down: usize,
    enter: bool,
}

/// The popup, while it is open.
pub fn incident_link_ui(ctx: &egui::Context, input: &LinkInput<'_>, actions: &mut Vec<Action>) {
    let (project, doc, popup) = (input.project, input.doc, input.popup);
    let event = popup.event;
    // Its event may be gone (undone, deleted, another document shown).
    if doc.event(event).is_none() {
        push(actions, IncidentLinkAction::Close);
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("link to incident")).show(ctx, |ui| {
        ui.set_width(560.0);
        heading_ui(ui, project, doc, event, actions);
        let keys = ui.input_mut(|i| Keys {
            up: i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
            down: i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
            enter: i.consume_key(Modifiers::NONE, Key::Enter),
        });
        let mut filter = popup.filter.clone();
        let field = ui.add(
            egui::TextEdit::singleline(&mut filter)
                .hint_text("🔍 type to filter; ⏶⏷ Enter to link")
                .desired_width(f32::INFINITY),
        );
        let field = field.accessible_name(format!("Filter the incidents for {event}"));
        field.request_focus();
        let changed = filter != popup.filter;
        if changed {
            push(actions, IncidentLinkAction::SetFilter(filter.clone()));
        }
        let key = (input.generation, input.doc_index, event);
        let all = super::frame_cache::cached(ui, egui::Id::unique("link lines"), key, || {
            link_lines(project, input.doc_index, event)
        });
        let lines = filtered(&all, &filter);
        let last = lines.len().saturating_sub(1);
        let from = if changed { 0 } else { popup.highlight };
        let highlight = (from + keys.down).saturating_sub(keys.up).min(last);
        if highlight != from {
            push(actions, IncidentLinkAction::Highlight(highlight));
        }
        if keys.enter
            && let Some(line) = lines.get(highlight)
        {
            pick(event, line, actions);
            return;
        }
        let moved = keys.up + keys.down > 0;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for (index, line) in lines.iter().enumerate() {
                    let response = line_ui(ui, line, index == highlight);
                    if moved && index == highlight {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        pick(event, line, actions);
                    }
                }
                if all.len() == 1 {
                    ui.weak("The project has no other incident yet");
                } else if lines.len() == 1 {
                    ui.weak("No incident matches the filter");
                }
            });
    });
    if modal.should_close() {
        push(actions, IncidentLinkAction::Close);
    }
}

/// The title, and the incident the event reports now, with Unlink.
fn heading_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    event: EventId,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.heading(format!("Link {event} to an incident"));
        if ui.small_button("✖").on_hover_text("Close (Esc)").clicked() {
            push(actions, IncidentLinkAction::Close);
        }
    });
    if let Some(incident) = project.incident_reported_by(&doc.id, event) {
        ui.horizontal(|ui| {
            let summary = super::incident_link::incident_summary(project, incident);
            ui.label(format!("Reports {summary}"));
            unlink_button_ui(ui, event, actions);
        });
        ui.weak("Linking it to another incident moves it there.");
    }
}

/// A button that unlinks `event` from its incident.
pub fn unlink_button_ui(ui: &mut egui::Ui, event: EventId, actions: &mut Vec<Action>) {
    if ui
        .button("Unlink")
        .on_hover_text("This event no longer reports the incident (which stays)")
        .clicked()
    {
        push(actions, IncidentLinkAction::Unlink(event));
    }
}

/// One line: what it is, and beneath, why it is offered.
fn line_ui(ui: &mut egui::Ui, line: &LinkLine, highlighted: bool) -> egui::Response {
    match line {
        LinkLine::New => ui
            .selectable_label(highlighted, line.text())
            .on_hover_text("A new incident, pre-filled from this event's roles"),
        LinkLine::Incident { id, text, why } => {
            let mut job = egui::text::LayoutJob::default();
            let style = ui.style();
            let strong = egui::TextFormat::simple(
                egui::TextStyle::Body.resolve(style),
                ui.visuals().strong_text_color(),
            );
            // The reason in the body's size: it is what the annotator decides by.
            let weak = egui::TextFormat::simple(
                egui::TextStyle::Body.resolve(style),
                ui.visuals().weak_text_color(),
            );
            job.append(text, 0.0, strong);
            job.append(&format!("\n    why: {why}"), 0.0, weak);
            ui.add(egui::Button::selectable(highlighted, job))
                .on_hover_text(format!("Link to {id} (Enter)"))
        }
    }
}

/// Links the event as `line` says, which closes the popup.
fn pick(event: EventId, line: &LinkLine, actions: &mut Vec<Action>) {
    push(
        actions,
        match line {
            LinkLine::New => IncidentLinkAction::New(event),
            LinkLine::Incident { id, .. } => IncidentLinkAction::Link(event, *id),
        },
    );
}
