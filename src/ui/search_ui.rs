//! The search panel (a query, its options, the hits as a keyword-in-context list that a
//! click shows in the text) and the "Annotate all" dialog (the occurrences of the
//! selected text, each to tag or skip). Both read their state and push actions.

use super::action::{Action, AnnotateAllAction, SearchAction};
use super::search::{AnnotateAllState, MAX_HITS, SearchState};
use crate::model::Project;
use crate::search::Hit;

/// The id of the search field, so that Ctrl+F can give it the keyboard.
pub fn search_field_id() -> egui::Id {
    egui::Id::unique("search field")
}

/// A hit as one line: the context before, the hit in bold on a highlight, the context
/// after.
fn hit_job(ui: &egui::Ui, hit: &Hit) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let plain = egui::TextFormat::simple(body.clone(), color);
    let strong = egui::TextFormat {
        color: ui.visuals().strong_text_color(),
        background: ui.visuals().selection.bg_fill.gamma_multiply(0.6),
        ..egui::TextFormat::simple(body, color)
    };
    job.append(&hit.before, 0.0, plain.clone());
    job.append(&hit.matched, 0.0, strong);
    job.append(&hit.after, 0.0, plain);
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job
}

/// The search panel.
pub fn search_ui(
    ui: &mut egui::Ui,
    project: &Project,
    search: &SearchState,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let mut query = search.query.clone();
        let field = ui.add(
            egui::TextEdit::singleline(&mut query)
                .id(search_field_id())
                .hint_text("text, or a pattern with Regex")
                .desired_width(280.0),
        );
        field.labelled_by(label.id);
        if query != search.query {
            actions.push(Action::Search(SearchAction::SetQuery(query)));
        }
        let mut options = search.options.clone();
        ui.checkbox(&mut options.ignore_case, "Ignore case")
            .on_hover_text("“palmyre” finds “Palmyre”");
        ui.checkbox(&mut options.ignore_accents, "Ignore accents")
            .on_hover_text("“etat” finds “État”");
        ui.checkbox(&mut options.regex, "Regex")
            .on_hover_text("The text is a regular expression (Rust regex syntax)");
        let shown = options
            .type_name
            .as_deref()
            .map_or("the text".to_string(), |t| {
                project.schema.label(t).to_string()
            });
        egui::ComboBox::new("search type", "Search in")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(options.type_name.is_none(), "the text")
                    .clicked()
                {
                    options.type_name = None;
                }
                let schema = &project.schema;
                let names = schema
                    .entity_types
                    .iter()
                    .map(|t| (&t.name, &t.label))
                    .chain(schema.event_types.iter().map(|t| (&t.name, &t.label)))
                    .chain(schema.relation_types.iter().map(|t| (&t.name, &t.label)));
                for (name, label) in names {
                    let chosen = options.type_name.as_ref() == Some(name);
                    if ui
                        .selectable_label(chosen, label)
                        .on_hover_text(name)
                        .clicked()
                    {
                        options.type_name = Some(name.clone());
                    }
                }
            })
            .response
            .on_hover_text("Search the text, or the annotations of a type whose words match");
        filter_field_ui(
            ui,
            "Attribute",
            "name or name=value",
            &mut options.attribute,
        )
        .on_hover_text("Annotations that carry this attribute (name), or with this value");
        filter_field_ui(ui, "Note", "text in the note", &mut options.note)
            .on_hover_text("Annotations whose note contains this text");
        if options != search.options {
            actions.push(Action::Search(SearchAction::SetOptions(options)));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Close the search")
                .clicked()
            {
                actions.push(Action::Search(SearchAction::Close));
            }
            if let Some(error) = &search.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            } else if search.found.truncated {
                ui.label(format!("first {MAX_HITS} hits"));
            } else {
                ui.label(format!("{} hit(s)", search.hits().len()));
            }
        });
    });
    ui.separator();
    let hits = search.hits();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("search hits")
        .auto_shrink(false)
        .show_rows(ui, row_height, hits.len(), |ui, rows| {
            for i in rows {
                let Some(hit) = hits.get(i) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    let name = project.documents.get(hit.doc).map_or("", |d| &d.name);
                    let place = match hit.annotation {
                        Some(a) => format!("{} {a}", hit.document),
                        None => format!("{} {}–{}", hit.document, hit.start, hit.end),
                    };
                    ui.weak(place).on_hover_text(name);
                    let button =
                        egui::Button::selectable(search.current == Some(i), hit_job(ui, hit));
                    if ui.add(button).on_hover_text(name).clicked() {
                        actions.push(Action::Search(SearchAction::Show(i)));
                    }
                });
            }
        });
}

/// A labelled text field for an annotation filter: empty is no filter.
fn filter_field_ui(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    filter: &mut Option<String>,
) -> egui::Response {
    let label = ui.label(label);
    let mut text = filter.clone().unwrap_or_default();
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(110.0),
        )
        .labelled_by(label.id);
    if field.changed() {
        *filter = (!text.is_empty()).then_some(text);
    }
    field
}

/// The "Annotate all" dialog.
pub fn annotate_all_ui(
    ctx: &egui::Context,
    project: &Project,
    state: &AnnotateAllState,
    actions: &mut Vec<Action>,
) {
    let push =
        |actions: &mut Vec<Action>, a: AnnotateAllAction| actions.push(Action::AnnotateAll(a));
    egui::Window::new("Annotate all occurrences")
        .collapsible(false)
        .resizable(true)
        .default_width(640.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            let schema = &project.schema;
            ui.label(format!(
                "Occurrences of “{}” not yet tagged as {}:",
                state.text,
                schema.label(&state.entity_type)
            ));
            ui.horizontal(|ui| {
                egui::ComboBox::new("annotate all type", "Tag as")
                    .selected_text(schema.label(&state.entity_type))
                    .show_ui(ui, |ui| {
                        for t in &schema.entity_types {
                            let chosen = t.name == state.entity_type;
                            if ui.selectable_label(chosen, &t.label).clicked() && !chosen {
                                push(actions, AnnotateAllAction::SetType(t.name.clone()));
                            }
                        }
                    });
                ui.separator();
                if ui.radio(!state.whole_project, "In this document").clicked() {
                    push(actions, AnnotateAllAction::WholeProject(false));
                }
                if ui.radio(state.whole_project, "In every document").clicked() {
                    push(actions, AnnotateAllAction::WholeProject(true));
                }
                ui.separator();
                let mut matching = state.matching;
                ui.checkbox(&mut matching.whole_words, "Whole words")
                    .on_hover_text("Skip occurrences inside a longer word");
                ui.checkbox(&mut matching.ignore_case, "Ignore case");
                if matching != state.matching {
                    push(actions, AnnotateAllAction::Matching(matching));
                }
            });
            ui.horizontal(|ui| {
                if ui.button("Check all").clicked() {
                    push(actions, AnnotateAllAction::CheckAll(true));
                }
                if ui.button("Uncheck all").clicked() {
                    push(actions, AnnotateAllAction::CheckAll(false));
                }
            });
            ui.separator();
            let row_height = ui.spacing().interact_size.y + 2.0;
            egui::ScrollArea::vertical()
                .id_salt("annotate all hits")
                .max_height(320.0)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, state.hits.len(), |ui, rows| {
                    for i in rows {
                        let (Some(hit), Some(&checked)) = (state.hits.get(i), state.checked.get(i))
                        else {
                            continue;
                        };
                        let mut value = checked;
                        let name = project.documents.get(hit.doc).map_or("", |d| &d.name);
                        let text = format!("{}: {}", hit.document, hit.context);
                        if ui.checkbox(&mut value, text).on_hover_text(name).changed() {
                            push(actions, AnnotateAllAction::Check(i, value));
                        }
                    }
                });
            if state.hits.is_empty() {
                ui.weak("Every occurrence is tagged already.");
            }
            ui.separator();
            let count = state.checked.iter().filter(|c| **c).count();
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(count > 0, egui::Button::new(format!("Tag {count}")))
                    .on_hover_text("Tag the checked occurrences, as one step that Ctrl+Z undoes")
                    .clicked()
                {
                    push(actions, AnnotateAllAction::Apply);
                }
                if ui.button("Cancel").clicked() {
                    push(actions, AnnotateAllAction::Close);
                }
            });
        });
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        push(actions, AnnotateAllAction::Close);
    }
}
