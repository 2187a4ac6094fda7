//! The keyboard: the command table's shortcuts, and the schema's keys that tag the
//! selection (a letter) or make it an event's trigger (Shift and the letter).

use super::action::{Action, EditAction};
use super::command::UiCommand;
use super::state::ViewState;
use crate::model::Project;

/// While a relation waits for its second end: Tab and Shift+Tab walk the mentions,
/// Enter takes the one outlined.
fn linking_keys(
    ctx: &egui::Context,
    project: &Project,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    let Some(linking) = view.linking.filter(|l| l.to.is_none()) else {
        return;
    };
    let Some(doc) = project.documents.get(view.doc) else {
        return;
    };
    let (back, forth, enter) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::SHIFT, egui::Key::Tab),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Tab),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
        )
    });
    if back || forth {
        actions.push(Action::SetLinking(Some(linking.step(doc, forth))));
    } else if enter && let Some(to) = linking.candidate {
        actions.push(Action::SetLinking(Some(super::state::Linking {
            to: Some(to),
            ..linking
        })));
    }
}

/// Turns this frame's key presses into actions. `modal` is set while a dialog, the
/// palette or a background job's progress has the keyboard: then no key acts here.
pub fn shortcuts(
    ctx: &egui::Context,
    project: &Project,
    view: &ViewState,
    modal: bool,
    actions: &mut Vec<Action>,
) {
    if modal {
        return;
    }
    let typing = ctx.text_edit_focused();
    // egui matches Ctrl+Z when Ctrl+Shift+Z is pressed, so try the shortcuts with more
    // modifiers first.
    let mut shortcuts: Vec<(UiCommand, egui::KeyboardShortcut)> = UiCommand::all()
        .into_iter()
        // In a text field, plain keys and undo belong to the field.
        .filter(|c| {
            !typing || !(c.needs_free_keyboard() || matches!(c, UiCommand::Undo | UiCommand::Redo))
        })
        .flat_map(|c| c.shortcuts().into_iter().map(move |s| (c, s)))
        .collect();
    shortcuts.sort_by_key(|(_, s)| {
        let m = s.modifiers;
        std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl))
    });
    for (command, shortcut) in shortcuts {
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
            actions.push(Action::Command(command));
        }
    }
    if typing {
        return;
    }
    linking_keys(ctx, project, view, actions);
    let typed: Vec<String> = ctx.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    });
    let schema = &project.schema;
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
                actions.push(EditAction::AddEventFromSelection(t.name.clone()).into());
            }
        } else if view.selection.is_some()
            && let Some(t) = schema.entity_types.iter().find(|t| t.shortcut == Some(c))
        {
            actions.push(EditAction::TagSelection(t.name.clone()).into());
        }
    }
}
