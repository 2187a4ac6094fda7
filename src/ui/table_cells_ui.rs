//! The cells of one row of the event table, each drawn for its column: the id that
//! selects the row, the type as a combo, the problems with their reasons, the text of
//! the others; and the row's context menu (another event on the same trigger, delete).
//! The table ([`super::event_table_ui`]) lays them out and turns clicks into actions.

use super::action::{Action, EditAction};
use super::event_table::{EventColumn, EventRow};
use super::table_cursor::{CellAction, CellEditor};
use crate::model::{Document, Filler, Project};

/// What the cells of a row read.
pub struct RowContext<'a> {
    /// The project (its schema).
    pub project: &'a Project,
    /// The document shown.
    pub doc: &'a Document,
    /// The row.
    pub row: &'a EventRow,
    /// Its event is the selected one.
    pub selected: bool,
    /// The editor open on a cell of the table, if any.
    pub editor: Option<&'a CellEditor>,
}

/// True when the cell of `column` in this row has an editor: the type, the attributes,
/// the roles of the event's type (and a role it lacks but uses, to remove its fillers).
pub fn editable(context: &RowContext<'_>, column: &EventColumn) -> bool {
    match column {
        EventColumn::Role(role) => {
            let event_type = context.project.schema.event_type(&context.row.event_type);
            event_type.is_some_and(|t| t.role(role).is_some())
                || context
                    .doc
                    .event(context.row.id)
                    .is_some_and(|e| e.arguments.iter().any(|a| a.role == *role))
        }
        _ => CellEditor::of(context.row.id, column).is_some(),
    }
}

/// Draws the cell of `column` (whose text is `text`) of a row; true when its own widget
/// asked to select the row (a click on the id).
pub fn cell_ui(
    ui: &mut egui::Ui,
    context: &RowContext<'_>,
    column: &EventColumn,
    text: &str,
    actions: &mut Vec<Action>,
) -> bool {
    let row = context.row;
    match column {
        EventColumn::Id => {
            let response = ui
                .selectable_label(context.selected, text)
                .on_hover_text("Select this event; right-click for more");
            // The id takes the pointer: its right-click opens the row's menu too.
            row_menu_ui(&response, context, actions);
            response.clicked()
        }
        EventColumn::Type => {
            type_combo_ui(ui, context, actions);
            false
        }
        EventColumn::Incident => {
            super::incident_cell_ui::incident_cell_ui(ui, row.id, text, actions);
            false
        }
        EventColumn::Date if row.inherited_date.is_some() => {
            super::incident_cell_ui::inherited_date_cell_ui(ui, row, text);
            false
        }
        EventColumn::Problems if !row.warnings.is_empty() => {
            ui.colored_label(ui.visuals().warn_fg_color, text)
                .on_hover_text(row.warnings.join("\n"));
            false
        }
        _ => {
            ui.add(egui::Label::new(text).truncate().selectable(false));
            false
        }
    }
}

/// The type of the row's event, as a combo that changes it; opened (with the keyboard
/// in it) when Enter was pressed on it.
fn type_combo_ui(ui: &mut egui::Ui, context: &RowContext<'_>, actions: &mut Vec<Action>) {
    let schema = &context.project.schema;
    let id = context.row.id;
    let current = context.row.event_type.as_str();
    let combo = egui::ComboBox::from_id_salt(("event table type", id))
        .selected_text(schema.label(current))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for t in &schema.event_types {
                if ui.selectable_label(t.name == current, &t.label).clicked() {
                    if t.name != current {
                        actions.push(EditAction::SetEventType(id, t.name.clone()).into());
                    }
                    super::table_keys::focus_table(ui.ctx());
                }
            }
        });
    let response = combo.response.accessible_name(format!("Type of {id}"));
    let asked = CellEditor::Type { event: id };
    if context.editor == Some(&asked) {
        egui::Popup::open_id(ui.ctx(), egui::Popup::default_response_id(&response));
        // Down enters the list, Enter picks: the menu's keys start from its button.
        response.request_focus();
        actions.push(Action::TableCell(CellAction::Dismiss(asked)));
    }
}

/// The row's context menu: another event on the same trigger, delete the event.
pub fn row_menu_ui(response: &egui::Response, context: &RowContext<'_>, actions: &mut Vec<Action>) {
    let id = context.row.id;
    let has_trigger = context.doc.event(id).is_some_and(|e| !e.trigger.is_empty());
    response.context_menu(|ui| {
        if has_trigger {
            ui.menu_button("➕ Event on this trigger", |ui| {
                super::widgets::event_types_menu_ui(ui, &context.project.schema, actions, |t| {
                    EditAction::AddEventOnTrigger(id, t.to_string()).into()
                });
            });
        }
        super::incident_cell_ui::incident_menu_ui(ui, context, actions);
        if ui.button("🗑 Delete event").clicked() {
            actions.push(EditAction::Delete(Filler::Event(id)).into());
        }
    });
}
