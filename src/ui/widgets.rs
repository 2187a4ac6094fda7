//! Small widgets shared by the panels.

/// How a committed text field is laid out.
#[derive(Clone, Copy, Debug)]
pub enum TextField {
    /// One line of this width.
    Line {
        /// Width in points.
        width: f32,
    },
    /// One line as wide as the panel.
    WideLine,
    /// A few lines as wide as the panel (notes).
    Lines,
}

/// A text field and what the user committed in it.
pub struct CommittedText {
    /// The field, to label it (`response.labelled_by(label.id)`).
    pub response: egui::Response,
    /// The new text, once the user left the field with a change.
    pub committed: Option<String>,
}

/// True while a committed text field has the keyboard: its draft is not yet an edit.
pub fn is_drafting(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused())
        .is_some_and(|id| ctx.data(|d| d.get_temp::<String>(id).is_some()))
}

/// A text field that edits a draft (kept in egui's memory under `id`) and gives the text
/// back once the user leaves the field with a change, so that one edit (and one undo
/// step) covers the whole typing.
pub fn committed_text_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    stored: &str,
    layout: TextField,
) -> CommittedText {
    let mut draft: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| stored.to_string());
    let editor = match layout {
        TextField::Line { width } => egui::TextEdit::singleline(&mut draft).desired_width(width),
        TextField::WideLine => egui::TextEdit::singleline(&mut draft).desired_width(f32::INFINITY),
        TextField::Lines => egui::TextEdit::multiline(&mut draft)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    };
    let response = ui.add(editor.id(id));
    let committed = if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, draft));
        None
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
        (response.lost_focus() && draft != stored).then_some(draft)
    };
    CommittedText {
        response,
        committed,
    }
}

/// The ◀ / ▶ buttons that walk the review's differences or the items to adjudicate
/// (F8 / Shift+F8), with their shortcuts in the tooltip.
pub fn step_buttons_ui(ui: &mut egui::Ui, actions: &mut Vec<super::action::Action>) {
    use super::command::UiCommand;
    for (command, label) in [
        (UiCommand::PreviousDisagreement, "◀"),
        (UiCommand::NextDisagreement, "▶"),
    ] {
        let shortcut = command.shortcut_text(ui.ctx());
        if ui
            .button(label)
            .on_hover_text(format!("{} ({shortcut})", command.text()))
            .clicked()
        {
            actions.push(super::action::Action::Command(command));
        }
    }
}

/// One button per event type of the schema, in its order, for a menu: a click pushes
/// what `action` makes of the type's name.
pub fn event_types_menu_ui(
    ui: &mut egui::Ui,
    schema: &crate::model::Schema,
    actions: &mut Vec<super::action::Action>,
    action: impl Fn(&str) -> super::action::Action,
) {
    for t in &schema.event_types {
        if ui.button(&t.label).clicked() {
            actions.push(action(&t.name));
        }
    }
}

/// A table column's header: a button that sorts by it, with an arrow when the table is
/// sorted by it (`Some(true)`: downwards). True when clicked.
pub fn sort_header_ui(ui: &mut egui::Ui, title: &str, sorted: Option<bool>) -> bool {
    let arrow = match sorted {
        Some(false) => " ⏶",
        Some(true) => " ⏷",
        None => "",
    };
    ui.add(egui::Button::new(format!("{title}{arrow}")).frame(false))
        .on_hover_text(format!("Sort by {title} (again: the other way)"))
        .clicked()
}
