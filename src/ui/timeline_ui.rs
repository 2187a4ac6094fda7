//! The incidents on a time axis: one lane per dated incident, its date a bar in its
//! type's colour, its reports stacked above it at their own dates. Hovering names an
//! incident or a report; a click on a bar shows the incident's detail, a click on a
//! report opens its article at the event. Drag to pan, Ctrl+wheel (or − / +) to zoom.
//!
//! Painted with egui's painter rather than `egui_plot`: each bar and report here is a
//! widget of its own, with an accessible name, that a screen reader announces and a
//! test clicks by name, and that the keyboard reaches; a plot's items are shapes
//! without either, found only by the pointer's position. The lanes are discrete rows,
//! not a y axis, and the layout ([`super::timeline`]) is tested without a window.

use super::action::Action;
use super::article::color_from_rgb;
use super::incident_table::IncidentRow;
use super::incidents::{IncidentsAction, IncidentsState};
use super::incidents_ui::push;
use super::timeline::{Days, TimelineIncident, extent, stack_levels, ticks, timeline_incidents};
use crate::model::{IncidentId, Project};
use egui::{Color32, Pos2, Rect, Sense, Stroke, StrokeKind, vec2};

/// Height of an incident's bar.
const BAR: f32 = 12.0;
/// Height of one level of reports above it.
const REPORT: f32 = 8.0;
/// Narrowest a mark is drawn, in points, however short its days.
const NARROWEST: f32 = 8.0;
/// Height of the axis with its labels.
const AXIS: f32 = 22.0;
/// Room left of the axis's first day and right of its last, for the ids.
const MARGIN: f32 = 60.0;

/// The days shown (first, last), kept in egui's memory like a scroll position: how far
/// the user zoomed is the view's, not the project's.
fn shown_days(ui: &egui::Ui, id: egui::Id, all: Days) -> (f64, f64) {
    ui.data(|d| d.get_temp::<(f64, f64)>(id))
        .unwrap_or_else(|| fit(all))
}

/// All the days, with a little room either side.
fn fit(all: Days) -> (f64, f64) {
    let pad = ((all.1 - all.0) as f64 * 0.03).max(2.0);
    (all.0 as f64 - pad, all.1 as f64 + 1.0 + pad)
}

/// The toolbar, the axis and the lanes of the incidents in `rows` (those the filters
/// keep), the undated ones listed after. `generation` changes whenever the project does.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &IncidentsState,
    rows: &[IncidentRow],
    generation: (u64, usize),
    actions: &mut Vec<Action>,
) {
    let mut ids: Vec<IncidentId> = rows.iter().map(|r| r.id).collect();
    ids.sort_by_key(|id| {
        let date = project.incident(*id).and_then(|i| i.date);
        (date.is_none(), date.map(|d| d.first_day()), *id)
    });
    // Reading every report's date walks the documents: done again only when the project
    // or the incidents shown change, not every frame.
    let key = (generation, ids.clone());
    let incidents = super::frame_cache::cached(ui, egui::Id::unique("timeline"), key, || {
        timeline_incidents(project, &ids)
    });
    let Some(all) = extent(&incidents) else {
        ui.weak("No dated incident to place on the axis.");
        undated_ui(ui, state, &incidents, actions);
        return;
    };
    let view_id = ui.scope_id().with("timeline days");
    let mut days = shown_days(ui, view_id, all);
    ui.horizontal(|ui| {
        if ui
            .button("Fit")
            .on_hover_text("Show every incident")
            .clicked()
        {
            days = fit(all);
        }
        if ui
            .button("−")
            .on_hover_text("Zoom out (Ctrl+wheel)")
            .clicked()
        {
            days = zoom(days, 0.5, 0.5);
        }
        if ui
            .button("+")
            .on_hover_text("Zoom in (Ctrl+wheel)")
            .clicked()
        {
            days = zoom(days, 2.0, 0.5);
        }
        ui.weak("Drag to pan; hover a mark to name it; click a report to open its article.");
    });
    egui::ScrollArea::vertical()
        .id_salt("timeline scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            days = canvas_ui(ui, state, &incidents, days, actions);
            undated_ui(ui, state, &incidents, actions);
        });
    ui.data_mut(|d| d.insert_temp(view_id, days));
}

/// `days` zoomed by `factor` (2: twice as close) around the point at `at` of its width.
fn zoom(days: (f64, f64), factor: f64, at: f64) -> (f64, f64) {
    let width = (days.1 - days.0).max(1.0);
    let centre = days.0 + width * at;
    // Out to two centuries at most, unless the view already spans more (a mistyped year
    // fitted): zooming in from there still zooms in.
    let widest = width.max(365.0 * 200.0);
    let new = (width / factor).clamp(2.0, widest);
    (centre - new * at, centre - new * at + new)
}

/// The incidents without a date, as buttons that show their detail.
fn undated_ui(
    ui: &mut egui::Ui,
    state: &IncidentsState,
    incidents: &[TimelineIncident],
    actions: &mut Vec<Action>,
) {
    let undated: Vec<&TimelineIncident> = incidents.iter().filter(|i| i.days.is_none()).collect();
    if undated.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak("Undated:");
        for incident in undated {
            let on = state.selected == Some(incident.id);
            if ui.selectable_label(on, &incident.text).clicked() {
                push(actions, IncidentsAction::Select(Some(incident.id)));
            }
        }
    });
}

/// Maps days to x: the shown days across the canvas less its margins.
struct Axis {
    rect: Rect,
    days: (f64, f64),
}

impl Axis {
    fn x(&self, day: f64) -> f32 {
        let width = f64::from(self.rect.width() - 2.0 * MARGIN).max(1.0);
        let share = (day - self.days.0) / (self.days.1 - self.days.0).max(1e-9);
        self.rect.left() + MARGIN + (share * width) as f32
    }

    /// The left and right x of a span of days (the last day included), at least
    /// [`NARROWEST`] wide.
    fn span(&self, days: Days) -> (f32, f32) {
        let (left, right) = (self.x(days.0 as f64), self.x(days.1 as f64 + 1.0));
        let middle = (left + right) / 2.0;
        let half = ((right - left) / 2.0).max(NARROWEST / 2.0);
        (middle - half, middle + half)
    }

    fn days_per_point(&self) -> f64 {
        (self.days.1 - self.days.0) / f64::from(self.rect.width() - 2.0 * MARGIN).max(1.0)
    }
}

/// The axis and the lanes; returns the days shown after the user's pan and zoom.
fn canvas_ui(
    ui: &mut egui::Ui,
    state: &IncidentsState,
    incidents: &[TimelineIncident],
    days: (f64, f64),
    actions: &mut Vec<Action>,
) -> (f64, f64) {
    let width = ui.available_width().max(2.0 * MARGIN + 100.0);
    let provisional = Axis {
        rect: Rect::from_min_size(ui.cursor().min, vec2(width, 0.0)),
        days,
    };
    // Each dated incident's report levels, stacked in points at this zoom.
    let dated: Vec<&TimelineIncident> = incidents.iter().filter(|i| i.days.is_some()).collect();
    let levels: Vec<Vec<usize>> = dated
        .iter()
        .map(|incident| {
            let spans: Vec<(f32, f32)> = incident
                .reports
                .iter()
                .map(|r| provisional.span(r.days.or(incident.days).unwrap_or_default()))
                .collect();
            stack_levels(&spans, 2.0)
        })
        .collect();
    let lane_height = |levels: &[usize]| {
        let stacked = levels.iter().max().map_or(0, |m| m + 1) as f32;
        stacked * REPORT + BAR + 10.0
    };
    let height = AXIS + levels.iter().map(|l| lane_height(l)).sum::<f32>() + 8.0;
    let (rect, background) = ui.allocate_exact_size(vec2(width, height), Sense::drag());
    let axis = Axis { rect, days };
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text_colour = visuals.text_color();
    let grid = visuals.widgets.noninteractive.bg_stroke;
    let font = egui::TextStyle::Small.resolve(ui.style());
    // A label every 64 points at most: `2016-03-24` in the small font fits.
    let most = ((rect.width() - 2.0 * MARGIN) / 64.0).max(2.0) as usize;
    let first = days.0.floor() as i64;
    for (day, label) in ticks(first, days.1.ceil() as i64, most) {
        let x = axis.x(day as f64);
        painter.line_segment(
            [
                Pos2::new(x, rect.top() + AXIS - 4.0),
                Pos2::new(x, rect.bottom()),
            ],
            grid,
        );
        painter.text(
            Pos2::new(x + 2.0, rect.top() + 2.0),
            egui::Align2::LEFT_TOP,
            label,
            font.clone(),
            text_colour,
        );
    }
    let mut top = rect.top() + AXIS;
    for (incident, levels) in dated.iter().zip(&levels) {
        let lane = lane_height(levels);
        let lane_rect = Rect::from_x_y_ranges(rect.x_range(), top..=top + lane);
        lane_ui(ui, &axis, state, incident, levels, lane_rect, actions);
        top += lane;
    }
    // Pan by dragging the background; zoom with Ctrl+wheel around the pointer.
    let mut days = days;
    if background.dragged() {
        let shift = f64::from(background.drag_delta().x) * axis.days_per_point();
        days = (days.0 - shift, days.1 - shift);
    }
    if let Some(pointer) = background.hover_pos() {
        let factor = f64::from(ui.input(|i| i.zoom_delta()));
        if (factor - 1.0).abs() > 1e-6 {
            let at = f64::from((pointer.x - rect.left() - MARGIN) / (rect.width() - 2.0 * MARGIN));
            days = zoom(days, factor, at.clamp(0.0, 1.0));
        }
    }
    days
}

/// One incident's lane (`lane`, shaded when it is the one selected): its bar at the
/// bottom, its reports stacked above it.
fn lane_ui(
    ui: &mut egui::Ui,
    axis: &Axis,
    state: &IncidentsState,
    incident: &TimelineIncident,
    levels: &[usize],
    lane: Rect,
    actions: &mut Vec<Action>,
) {
    let Some(days) = incident.days else {
        return;
    };
    let bar_top = lane.bottom() - BAR - 6.0;
    if state.selected == Some(incident.id) {
        // A one-day bar is narrow: the whole lane shows which incident the detail is of.
        let shade = ui.visuals().selection.bg_fill.gamma_multiply(0.3);
        ui.painter_at(axis.rect).rect_filled(lane, 0.0, shade);
    }
    let colour = color_from_rgb(incident.colour);
    let ink = ui.visuals().strong_text_color();
    let (left, right) = axis.span(days);
    let bar = Rect::from_min_max(Pos2::new(left, bar_top), Pos2::new(right, bar_top + BAR));
    let selected = state.selected == Some(incident.id);
    for (report, level) in incident.reports.iter().zip(levels) {
        let (l, r) = axis.span(report.days.unwrap_or(days));
        let bottom = bar_top - 2.0 - *level as f32 * REPORT;
        let mark = Rect::from_min_max(Pos2::new(l, bottom - REPORT + 2.0), Pos2::new(r, bottom));
        // Zoomed in, a mark may lie off the canvas: it is neither drawn nor clickable.
        if !mark.intersects(axis.rect) {
            continue;
        }
        let mark = mark.intersect(axis.rect);
        let id = ui.scope_id().with(("report mark", &report.report));
        let response = ui.interact(mark, id, Sense::click());
        let name = format!("Open {}", report.text);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        let painter = ui.painter_at(axis.rect);
        let fill = if report.days.is_some() {
            colour
        } else {
            Color32::TRANSPARENT
        };
        let stroke = Stroke::new(if response.hovered() { 2.0 } else { 1.0 }, ink);
        painter.rect(mark, 2.0, fill, stroke, StrokeKind::Inside);
        if response.clicked() {
            push(actions, IncidentsAction::OpenReport(report.report.clone()));
        }
        let _ = response.on_hover_text(&report.text);
    }
    if !bar.intersects(axis.rect) {
        return;
    }
    let id = ui.scope_id().with(("incident bar", incident.id));
    let response = ui.interact(bar.intersect(axis.rect), id, Sense::click());
    let name = format!("Show {}", incident.text);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
    let stroke_width = if selected || response.hovered() {
        2.5
    } else {
        1.0
    };
    let painter = ui.painter_at(axis.rect);
    painter.rect(
        bar,
        3.0,
        colour,
        Stroke::new(stroke_width, ink),
        StrokeKind::Inside,
    );
    painter.text(
        Pos2::new(right + 4.0, bar.center().y),
        egui::Align2::LEFT_CENTER,
        incident.id.to_string(),
        egui::TextStyle::Small.resolve(ui.style()),
        ink,
    );
    if response.clicked() {
        push(actions, IncidentsAction::Select(Some(incident.id)));
    }
    let _ = response.on_hover_text(format!(
        "{} ({} reports)",
        incident.text,
        incident.reports.len()
    ));
}

#[cfg(test)]
mod tests {
    use super::zoom;

    #[test]
    fn zooming_in_narrows_even_a_view_wider_than_two_centuries() {
        let thousand_years = (0.0, 365.0 * 1000.0);
        let (start, end) = zoom(thousand_years, 2.0, 0.5);
        assert!((end - start - 365.0 * 500.0).abs() < 1e-6, "{start} {end}");
        let (start, end) = zoom((0.0, 365.0), 0.5, 0.0);
        assert!((end - start - 730.0).abs() < 1e-6, "zooming out widens");
        let (start, end) = zoom((0.0, 3.0), 4.0, 0.5);
        assert!((end - start - 2.0).abs() < 1e-6, "two days at the closest");
    }
}
