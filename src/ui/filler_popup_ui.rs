//! The popup that fills a role of an event from the event table: the role's current
//! fillers (each removable), a filter box with the keyboard in it, and the document's
//! annotations of the types the role allows (mentions, and events for a role that takes
//! events), each with a few words of context ([`super::filler_candidates`]).
//!
//! Up and Down move the highlight, Enter picks it: an annotation is added (or replaces
//! the filler of a role that takes one); one already there is removed. Esc closes.

use super::action::{Action, EditAction};
use super::filler_candidates::{Candidate, matching, role_candidates};
use super::table_cursor::{CellAction, TableCursor};
use crate::model::{Document, Event, Project};
use egui::{Key, Modifiers};

/// Lines listed at most: the filter narrows the rest.
const MOST_LINES: usize = 100;

/// What the popup reads.
pub struct FillerInput<'a> {
    /// The project (its schema).
    pub project: &'a Project,
    /// The document shown.
    pub doc: &'a Document,
    /// The event whose role is filled.
    pub event: &'a Event,
    /// The role's name.
    pub role: &'a str,
    /// The filter and the highlighted line.
    pub cursor: &'a TableCursor,
    /// The popup has just opened: the filter takes the keyboard.
    pub first: bool,
    /// The session's generation, to keep the candidates while the project stays the
    /// same.
    pub generation: (u64, usize),
}

/// The keys the popup takes before the filter box sees them.
#[derive(Default)]
struct Keys {
    up: usize,
    down: usize,
    enter: bool,
    escape: bool,
}

fn take_keys(ctx: &egui::Context) -> Keys {
    ctx.input_mut(|i| Keys {
        up: i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
        down: i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
        enter: i.consume_key(Modifiers::NONE, Key::Enter),
        escape: i.consume_key(Modifiers::NONE, Key::Escape),
    })
}

/// The role's heading, its fillers, the filter and the candidates.
pub fn fillers_ui(ui: &mut egui::Ui, input: &FillerInput<'_>, actions: &mut Vec<Action>) {
    let (project, doc, event, role) = (input.project, input.doc, input.event, input.role);
    let schema = &project.schema;
    let role_def = schema
        .event_type(&event.event_type)
        .and_then(|t| t.role(role));
    let role_label = role_def.map_or(role, |r| r.label.as_str());
    ui.horizontal(|ui| {
        ui.strong(format!("{role_label} of {}", event.id));
        if let Some(r) = role_def {
            let types: Vec<&str> = r.fillers.iter().map(|t| schema.label(t)).collect();
            let types = if types.is_empty() {
                "any type".to_string()
            } else {
                types.join(", ")
            };
            let how_many = crate::edit::schema_ops::cardinality_in_words(r.cardinality);
            ui.weak(how_many).on_hover_text(types);
        }
        if ui.small_button("✖").on_hover_text("Close (Esc)").clicked() {
            super::cell_popup_ui::close_popup(ui.ctx(), actions);
        }
    });
    current_fillers_ui(ui, input, role_label, actions);
    if role_def.is_none() {
        ui.weak(format!(
            "“{role_label}” is not a role of {}: its fillers can only be removed",
            schema.label(&event.event_type)
        ));
        return;
    }

    let filter_id = egui::Id::unique("filler popup filter");
    let typing = input.first || ui.memory(|m| m.has_focus(filter_id));
    // The keys are the filter's only while it has the keyboard (Enter on a button of the
    // popup is that button's).
    let keys = if typing {
        take_keys(ui.ctx())
    } else {
        Keys::default()
    };
    let mut filter = input.cursor.filter.clone();
    let field = ui.add(
        egui::TextEdit::singleline(&mut filter)
            .id(filter_id)
            .hint_text("🔍 type to filter; ⏶⏷ Enter to pick")
            .desired_width(f32::INFINITY),
    );
    let field = field.accessible_name(format!("Filter the candidates for {role_label}"));
    if input.first {
        field.request_focus();
    }
    let changed = filter != input.cursor.filter;
    if changed {
        actions.push(Action::TableCell(CellAction::SetFilter(filter.clone())));
    }

    let key = (input.generation, doc.id.clone(), event.id, role.to_string());
    let all = super::frame_cache::cached(ui, egui::Id::unique("filler candidates"), key, || {
        let all = role_candidates(project, doc, event, role);
        all.into_iter()
            .filter(|c| c.allowed)
            .collect::<Vec<Candidate>>()
    });
    let lines = matching(&all, &filter);
    let last = lines.len().saturating_sub(1);
    // A new filter starts from its first line.
    let from = if changed { 0 } else { input.cursor.highlight };
    let highlight = (from + keys.down).saturating_sub(keys.up).min(last);
    if highlight != from {
        actions.push(Action::TableCell(CellAction::Highlight(highlight)));
    }
    if keys.escape {
        super::cell_popup_ui::close_popup(ui.ctx(), actions);
        return;
    }
    if keys.enter
        && let Some(line) = lines.get(highlight)
    {
        pick(ui.ctx(), event, role, line, actions);
        return;
    }
    if lines.is_empty() {
        ui.weak(if all.is_empty() {
            "No annotation of a type this role takes in this document"
        } else {
            "Nothing matches the filter"
        });
        return;
    }
    let moved = keys.up + keys.down > 0;
    egui::ScrollArea::vertical()
        .id_salt("filler candidates")
        .max_height(280.0)
        .show(ui, |ui| {
            // One line each: the hover tells the rest.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for (index, line) in lines.iter().take(MOST_LINES).enumerate() {
                let mark = if line.argument.is_some() { "✔ " } else { "" };
                let text = line.text();
                let hint = if line.argument.is_some() {
                    format!("{text}\nFills {role_label}: click (or Enter) to remove it")
                } else {
                    format!("{text}\nClick (or Enter) to fill {role_label} with it")
                };
                let response = ui
                    .selectable_label(index == highlight, format!("{mark}{text}"))
                    .on_hover_text(hint);
                if moved && index == highlight {
                    response.scroll_to_me(None);
                }
                if response.clicked() {
                    pick(ui.ctx(), event, role, line, actions);
                }
            }
            if lines.len() > MOST_LINES {
                ui.weak(format!(
                    "{} more: type to narrow the list",
                    lines.len() - MOST_LINES
                ));
            }
        });
}

/// The role's fillers, each with a button that removes it.
fn current_fillers_ui(
    ui: &mut egui::Ui,
    input: &FillerInput<'_>,
    role_label: &str,
    actions: &mut Vec<Action>,
) {
    let event = input.event;
    ui.horizontal_wrapped(|ui| {
        for (index, arg) in event.arguments.iter().enumerate() {
            if arg.role != input.role {
                continue;
            }
            let name = super::labels::describe(input.project, input.doc, arg.filler);
            if ui
                .button(format!("✖ {name}"))
                .on_hover_text(format!("Remove it from {role_label}"))
                .clicked()
            {
                actions.push(EditAction::RemoveArgument(event.id, index).into());
            }
        }
    });
}

/// Fills the role with `line`'s annotation, or removes it when it fills the role
/// already; then closes the popup.
fn pick(
    ctx: &egui::Context,
    event: &Event,
    role: &str,
    line: &Candidate,
    actions: &mut Vec<Action>,
) {
    let edit = match line.argument {
        Some(index) => EditAction::RemoveArgument(event.id, index),
        None => EditAction::AddArgument(event.id, role.to_string(), line.filler),
    };
    actions.push(edit.into());
    super::cell_popup_ui::close_popup(ctx, actions);
}
