//! The schema editor's requests made into edits by [`crate::edit::schema_ops`], applied
//! through the session so that Ctrl+Z undoes each; and schema files: save, load and
//! brat's `annotation.conf`, loaded as one edit that keeps what annotations use.

use super::super::action::SchemaAction;
use super::super::app::EventailApp;
use super::super::failure::Failure;
use super::super::file_dialog::FilePurpose;
use super::super::schema_editor::{AttrTargets, PendingDelete, SchemaEditor};
use super::super::state::Dialog;
use crate::edit::schema_ops::{self as ops, InUse, TypeKind};
use crate::model::{AttrKind, Diagnostic, Schema};
use std::path::Path;

impl EventailApp {
    /// Opens the schema editor.
    pub(super) fn open_schema_editor(&mut self) {
        if self.schema_editor.is_none() {
            self.schema_editor = Some(SchemaEditor::default());
        }
    }

    /// Carries out what the schema editor asked for.
    pub(super) fn schema_action(&mut self, action: SchemaAction) {
        let project = self.session.project();
        let stamp = self.stamp();
        let built = match action {
            SchemaAction::Close => {
                self.schema_editor = None;
                return;
            }
            SchemaAction::CancelDelete => {
                if let Some(editor) = &mut self.schema_editor {
                    editor.delete = None;
                }
                return;
            }
            SchemaAction::Delete(kind, name) => {
                let uses = ops::uses_of_type(project, kind, &name);
                if uses > 0 {
                    let editor = self.schema_editor.get_or_insert_with(Default::default);
                    editor.delete = Some(PendingDelete { kind, name, uses });
                    return;
                }
                ops::delete_type(project, kind, &name, &InUse::Delete, &stamp)
            }
            SchemaAction::ConfirmDelete(kind, name, in_use) => {
                if let Some(editor) = &mut self.schema_editor {
                    editor.delete = None;
                }
                let built = ops::delete_type(project, kind, &name, &in_use, &stamp);
                self.apply_result(built);
                // What was selected may be gone.
                self.after_schema_change();
                return;
            }
            SchemaAction::AddType(kind, name) => ops::add_type(project, kind, name.trim()),
            SchemaAction::RenameType(kind, old, new) => {
                ops::rename_type(project, kind, &old, new.trim())
            }
            SchemaAction::SetLabel(kind, name, label) => {
                ops::set_type_label(project, kind, &name, label.trim())
            }
            SchemaAction::SetColour(kind, name, colour) => {
                ops::set_colour(project, kind, &name, colour)
            }
            SchemaAction::SetShortcut(kind, name, key) => {
                ops::set_shortcut(project, kind, &name, key)
            }
            SchemaAction::SetGroup(kind, name, group) => {
                ops::set_group(project, kind, &name, &group)
            }
            SchemaAction::AddRole(event_type, role) => {
                ops::add_role(project, &event_type, role.trim())
            }
            SchemaAction::RenameRole(event_type, old, new) => {
                ops::rename_role(project, &event_type, &old, new.trim())
            }
            SchemaAction::RemoveRole(event_type, role) => {
                ops::remove_role(project, &event_type, &role, &stamp)
            }
            SchemaAction::SetRoleFillers(event_type, role, fillers) => {
                ops::set_role_fillers(project, &event_type, &role, fillers)
            }
            SchemaAction::SetRoleCardinality(event_type, role, cardinality) => {
                ops::set_role_cardinality(project, &event_type, &role, cardinality)
            }
            SchemaAction::AddAttribute(name, flag) => {
                let kind = if flag {
                    AttrKind::Flag
                } else {
                    AttrKind::Values(Vec::new())
                };
                ops::add_attribute(project, name.trim(), kind, Vec::new())
            }
            SchemaAction::RemoveAttribute(name) => ops::remove_attribute(project, &name, &stamp),
            SchemaAction::AddAttributeValue(name, value) => {
                ops::add_attribute_value(project, &name, &value)
            }
            SchemaAction::RemoveAttributeValue(name, value) => {
                ops::remove_attribute_value(project, &name, &value, &stamp)
            }
            SchemaAction::SetAttributeTargets(name, targets) => {
                let types = match targets {
                    AttrTargets::Both => Vec::new(),
                    AttrTargets::Mentions => ops::type_names(&project.schema, TypeKind::Entity),
                    AttrTargets::Events => ops::type_names(&project.schema, TypeKind::Event),
                };
                ops::set_attribute_targets(project, &name, types, &stamp)
            }
            SchemaAction::Mapping(change) => {
                crate::edit::mapping_ops::edit_mapping(project, change)
            }
        };
        self.apply_result(built);
        self.after_schema_change();
    }

    /// Drops a selection or an active role that a schema edit took away.
    fn after_schema_change(&mut self) {
        let doc = self.session.project().documents.get(self.view.doc);
        if let Some(target) = self.view.selected
            && !doc.is_some_and(|d| d.has_filler(target))
        {
            self.view.selected = None;
        }
        if let Some((event, role)) = &self.view.active_role {
            let project = self.session.project();
            let still = doc
                .and_then(|d| d.event(*event))
                .and_then(|e| project.schema.event_type(&e.event_type))
                .is_some_and(|t| t.role(role).is_some());
            if !still {
                self.view.active_role = None;
            }
        }
    }

    /// Handles the file chosen for a schema file purpose.
    pub(super) fn schema_file_chosen(&mut self, purpose: &FilePurpose, path: &Path) {
        match purpose {
            FilePurpose::SaveSchema => {
                let over_project = self
                    .session
                    .path()
                    .is_some_and(|p| crate::io::is_same_file(p, path));
                let result = if over_project {
                    Err("a schema must go to another file than the open project".to_string())
                } else {
                    crate::io::save_schema(path, &self.session.project().schema)
                        .map_err(|e| format!("cannot write the schema: {e}"))
                };
                match result {
                    Ok(()) => self.view.status = format!("Schema saved to {}", path.display()),
                    Err(e) => {
                        self.dialog = Some(Dialog::Failed(Failure::Schema(format!(
                            "{e}: {}",
                            path.display()
                        ))))
                    }
                }
            }
            FilePurpose::LoadSchema => match crate::io::load_schema(path) {
                Ok(schema) => self.load_schema(schema, path, Vec::new()),
                Err(e) => self.dialog = Some(Dialog::Failed(Failure::Schema(e.to_string()))),
            },
            FilePurpose::ImportBratSchema => {
                let dir = path.parent().unwrap_or(Path::new("."));
                let (schema, warnings) = crate::formats::brat::schema_from_conf_dir(dir);
                self.load_schema(schema, path, warnings);
            }
            _ => {}
        }
    }

    /// Makes `schema` the project's as one edit, keeping what annotations use; says
    /// what was kept, and what in the file could not be read.
    fn load_schema(&mut self, schema: Schema, path: &Path, warnings: Vec<Diagnostic>) {
        let from = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let (edit, kept) = ops::load_schema(self.session.project(), schema, &from);
        if !self.apply_result(Ok(edit)) {
            return;
        }
        self.after_schema_change();
        if kept.is_empty() && warnings.is_empty() {
            return;
        }
        let mut diagnostics: Vec<Diagnostic> = kept
            .iter()
            .map(|k| Diagnostic::new(format!("kept {k}: annotations use it")))
            .collect();
        diagnostics.extend(warnings);
        self.dialog = Some(Dialog::Report {
            title: format!("Schema loaded from {from}"),
            diagnostics,
        });
    }
}
