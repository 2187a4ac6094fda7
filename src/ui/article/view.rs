//! The article's runtime state (caches, drag) and its `*_ui` function.

use super::blocks::{Block, blocks_from_text, snap_to_words, word_at};
use super::highlights::HighlightIndex;
use super::layout::{FONT_SIZE, Laid, lay_out_block};
use crate::model::{Document, EventId, Filler, Project, Span};
use crate::ui::action::{Action, EditAction};
use crate::ui::labels::describe;
use crate::ui::review::{Mark, Side};
use crate::ui::review_ui::side_color;
use egui::{Align, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

/// Space between two blocks, in points.
const BLOCK_GAP: f32 = 4.0;

/// What the article view reads from the app for one frame.
pub struct ArticleInput<'a> {
    /// The open project.
    pub project: &'a Project,
    /// Index of the shown document.
    pub doc_index: usize,
    /// Changes whenever the project does, to refresh the highlights.
    pub generation: (u64, usize),
    /// The text selection.
    pub selection: Option<Span>,
    /// The selected mention or event.
    pub selected: Option<Filler>,
    /// The role waiting for a click on a highlight.
    pub active_role: Option<&'a (EventId, String)>,
    /// The relation being made, waiting for a click on its second end.
    pub linking: Option<crate::ui::state::Linking>,
    /// The differences with a colleague's version of this document, sorted by start
    /// (empty when not reviewing).
    pub marks: &'a [Mark],
    /// The difference shown last (a [`Mark::index`]).
    pub current_mark: Option<usize>,
}

/// Runtime state of the article view: caches and the drag in progress. Never saved.
#[derive(Default)]
pub struct ArticleView {
    doc_id: String,
    blocks: Vec<Block>,
    highlights: HighlightIndex,
    highlights_for: Option<(u64, usize)>,
    galleys: Vec<Option<Laid>>,
    galley_key: (u32, u32),
    heights: Vec<f32>,
    tops: Vec<f32>,
    drag_anchor: Option<usize>,
    scroll_to: Option<usize>,
    popup_at: Option<Pos2>,
}

impl ArticleView {
    /// Brings document character `char_index` into view on the next frame.
    pub fn scroll_to(&mut self, char_index: usize) {
        self.scroll_to = Some(char_index);
    }

    /// Where the tag popup should open (set after a selection), taken once.
    pub fn take_popup_anchor(&mut self) -> Option<Pos2> {
        self.popup_at.take()
    }

    fn prepare(&mut self, input: &ArticleInput<'_>, doc: &Document, width: f32, ppp: f32) {
        if self.doc_id != doc.id || self.blocks.is_empty() {
            self.doc_id = doc.id.clone();
            self.blocks = blocks_from_text(&doc.text);
            self.highlights_for = None;
            self.galleys.clear();
            self.heights = self
                .blocks
                .iter()
                .map(|b| estimated_height(b.chars.len(), width))
                .collect();
            self.tops.clear();
            self.drag_anchor = None;
        }
        if self.highlights_for != Some(input.generation) {
            self.highlights = HighlightIndex::new(&input.project.schema, doc, &self.blocks);
            self.highlights_for = Some(input.generation);
            self.galleys.clear();
        }
        let key = (width.to_bits(), ppp.to_bits());
        if self.galley_key != key {
            self.galley_key = key;
            self.galleys.clear();
        }
        self.galleys.resize(self.blocks.len(), None);
        if self.tops.len() != self.blocks.len() + 1 {
            self.recompute_tops();
        }
    }

    fn recompute_tops(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        self.tops.push(y);
        for h in &self.heights {
            y += h + BLOCK_GAP;
            self.tops.push(y);
        }
    }

    /// The galley of block `i`, laid out now if it is not cached.
    fn galley(&mut self, ui: &Ui, text: &str, i: usize, width: f32) -> Option<Laid> {
        if let Some(Some(g)) = self.galleys.get(i) {
            return Some(g.clone());
        }
        let block = self.blocks.get(i)?;
        let laid = lay_out_block(ui, text, block, &self.highlights, i, width);
        let galley = laid.galley.clone();
        let height = galley.size().y.max(FONT_SIZE);
        if let Some(h) = self.heights.get_mut(i)
            && (*h - height).abs() > 0.5
        {
            *h = height;
            self.tops.clear();
        }
        if let Some(slot) = self.galleys.get_mut(i) {
            *slot = Some(laid.clone());
        }
        Some(laid)
    }

    /// Index of the block at content height `y`.
    fn block_at_y(&self, y: f32) -> usize {
        self.tops
            .partition_point(|&top| top <= y)
            .saturating_sub(1)
            .min(self.blocks.len().saturating_sub(1))
    }

    /// Index of the block that holds document character `c`.
    fn block_of_char(&self, c: usize) -> usize {
        self.blocks
            .partition_point(|b| b.chars.end < c)
            .min(self.blocks.len().saturating_sub(1))
    }
}

/// Height of a block of `chars` characters before it is laid out.
fn estimated_height(chars: usize, width: f32) -> f32 {
    let chars_per_row = (width / (FONT_SIZE * 0.48)).max(10.0);
    let rows = ((chars as f32) / chars_per_row).ceil().max(1.0);
    rows * FONT_SIZE * 1.25
}

/// Shows the article of `input.doc_index` and pushes what the user did to `actions`.
pub fn article_ui(
    ui: &mut Ui,
    view: &mut ArticleView,
    input: &ArticleInput<'_>,
    actions: &mut Vec<Action>,
) {
    let Some(doc) = input.project.documents.get(input.doc_index) else {
        ui.weak("No document: File > Import text files… adds some.");
        return;
    };
    let width = (ui.available_width() - 16.0).max(100.0).floor();
    view.prepare(input, doc, width, ui.pixels_per_point());
    let scroll_to = view.scroll_to.take();
    egui::ScrollArea::vertical()
        .id_salt(("article", &doc.id))
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            if view.tops.is_empty() {
                view.recompute_tops();
            }
            let total = view.tops.last().copied().unwrap_or(0.0);
            let (rect, response) = ui.allocate_exact_size(
                vec2(width, total.max(viewport.height())),
                Sense::click_and_drag(),
            );
            let origin = rect.min;
            if let Some(c) = scroll_to {
                let b = view.block_of_char(c);
                let top = view.tops.get(b).copied().unwrap_or(0.0);
                let bottom = view.tops.get(b + 1).copied().unwrap_or(top);
                ui.scroll_to_rect(
                    Rect::from_min_max(origin + vec2(0.0, top), origin + vec2(width, bottom)),
                    Some(Align::Center),
                );
            }
            let first = view.block_at_y(viewport.min.y);
            let last = view.block_at_y(viewport.max.y);
            let painter = ui.painter_at(ui.clip_rect());
            let mut visible: Vec<(usize, Laid, Pos2)> = Vec::new();
            for i in first..=last {
                let Some(galley) = view.galley(ui, &doc.text, i, width) else {
                    continue;
                };
                let top = view.tops.get(i).copied().unwrap_or(0.0);
                let pos = galley.origin(origin + vec2(0.0, top));
                painter.galley(pos, galley.galley.clone(), ui.visuals().text_color());
                let block_rect = galley.galley.rect.translate(pos.to_vec2());
                let block_response =
                    ui.interact(block_rect, ui.scope_id().with(("block", i)), Sense::hover());
                let text = doc
                    .text
                    .get(view.blocks.get(i).map_or(0..0, |b| b.bytes.clone()))
                    .unwrap_or_default()
                    .to_string();
                block_response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Paragraph, true, text.clone())
                });
                visible.push((i, galley, pos));
            }
            if view.tops.is_empty() {
                // A block's real height differed from its estimate: lay out again next frame.
                ui.ctx().request_repaint();
            }
            paint_selection(&painter, view, &visible, input, ui);
            paint_marks(&painter, view, &visible, input);
            paint_emphasis(&painter, view, &visible, input, doc);
            handle_pointer(ui, view, &visible, &response, input, doc, actions);
        });
}

/// The visible block at height `pos.y`: its index, layout and origin.
fn block_at(visible: &[(usize, Laid, Pos2)], pos: Pos2) -> Option<&(usize, Laid, Pos2)> {
    visible
        .iter()
        .find(|(_, g, o)| pos.y < o.y + g.galley.size().y.max(FONT_SIZE) + BLOCK_GAP)
        .or(visible.last())
}

/// The cursor (a document character index, between characters) at `pos`, if it is
/// over a visible block: where a selection starts or ends.
fn char_at(view: &ArticleView, visible: &[(usize, Laid, Pos2)], pos: Pos2) -> Option<usize> {
    let (i, galley, origin) = block_at(visible, pos)?;
    let block = view.blocks.get(*i)?;
    let cursor = galley.cursor_at(pos - origin.to_vec2());
    Some(block.chars.start + cursor.min(block.chars.len()))
}

/// The document character drawn under `pos`, if any: what a click or hover is on.
fn char_under(view: &ArticleView, visible: &[(usize, Laid, Pos2)], pos: Pos2) -> Option<usize> {
    let (i, galley, origin) = block_at(visible, pos)?;
    let block = view.blocks.get(*i)?;
    let c = galley.char_at(pos - origin.to_vec2())?;
    (c < block.chars.len()).then_some(block.chars.start + c)
}

/// Visible rectangles of document characters `span`.
fn span_rects(view: &ArticleView, visible: &[(usize, Laid, Pos2)], span: Span) -> Vec<Rect> {
    let mut rects = Vec::new();
    for (i, galley, origin) in visible {
        let Some(block) = view.blocks.get(*i) else {
            continue;
        };
        let a = span.start.max(block.chars.start);
        let b = span.end.min(block.chars.end);
        if a < b {
            rects.extend(
                galley
                    .range_rects(a - block.chars.start..b - block.chars.start)
                    .into_iter()
                    .map(|r| r.translate(origin.to_vec2())),
            );
        }
    }
    rects
}

fn paint_selection(
    painter: &egui::Painter,
    view: &ArticleView,
    visible: &[(usize, Laid, Pos2)],
    input: &ArticleInput<'_>,
    ui: &Ui,
) {
    let Some(selection) = input.selection else {
        return;
    };
    let color = ui.visuals().selection.bg_fill.gamma_multiply(0.55);
    for r in span_rects(view, visible, selection) {
        painter.rect_filled(r, 2.0, color);
    }
}

/// The marks that touch the visible blocks.
fn visible_marks<'a>(
    view: &ArticleView,
    visible: &[(usize, Laid, Pos2)],
    marks: &'a [Mark],
) -> impl Iterator<Item = &'a Mark> {
    let first = visible
        .first()
        .and_then(|(i, _, _)| view.blocks.get(*i))
        .map_or(0, |b| b.chars.start);
    let last = visible
        .last()
        .and_then(|(i, _, _)| view.blocks.get(*i))
        .map_or(0, |b| b.chars.end);
    let before_end = marks.partition_point(|m| m.span.start < last);
    marks
        .get(..before_end)
        .unwrap_or_default()
        .iter()
        .filter(move |m| m.span.end > first)
}

/// Draws the differences with the colleague's version: a bar under what only A
/// marked, a dashed frame around what only B marked, a frame around what both marked
/// differently; the difference shown last is filled.
fn paint_marks(
    painter: &egui::Painter,
    view: &ArticleView,
    visible: &[(usize, Laid, Pos2)],
    input: &ArticleInput<'_>,
) {
    for mark in visible_marks(view, visible, input.marks) {
        let color = side_color(mark.side);
        let current = input.current_mark == Some(mark.index);
        for r in span_rects(view, visible, mark.span) {
            if current {
                painter.rect_filled(r.expand(2.0), 3.0, color.gamma_multiply(0.25));
            }
            match mark.side {
                Side::OnlyA => {
                    let y = r.max.y + 1.0;
                    painter.line_segment(
                        [pos2(r.min.x, y), pos2(r.max.x, y)],
                        Stroke::new(3.0, color),
                    );
                }
                Side::OnlyB => {
                    let r = r.expand(2.0);
                    let corners = [
                        r.left_top(),
                        r.right_top(),
                        r.right_bottom(),
                        r.left_bottom(),
                        r.left_top(),
                    ];
                    painter.extend(egui::Shape::dashed_line(
                        &corners,
                        Stroke::new(2.0, color),
                        5.0,
                        3.0,
                    ));
                }
                Side::Both => {
                    painter.rect_stroke(
                        r.expand(2.5),
                        3.0,
                        Stroke::new(2.0, color),
                        egui::StrokeKind::Outside,
                    );
                }
            }
        }
    }
}

/// Outlines the selected mention, or the selected event's trigger and arguments with
/// their role names.
fn paint_emphasis(
    painter: &egui::Painter,
    view: &ArticleView,
    visible: &[(usize, Laid, Pos2)],
    input: &ArticleInput<'_>,
    doc: &Document,
) {
    let outline = |spans: &[Span], stroke: Stroke| {
        for &span in spans {
            for r in span_rects(view, visible, span) {
                painter.rect_stroke(r.expand(1.5), 3.0, stroke, egui::StrokeKind::Outside);
            }
        }
    };
    let strong = Stroke::new(2.5, Color32::from_rgb(30, 60, 200));
    if let Some(selected) = input.selected {
        paint_relations(painter, view, visible, input, doc, selected);
    }
    // The second end proposed from the keyboard while a relation is made.
    if let Some(candidate) = input.linking.and_then(|l| l.candidate) {
        outline(
            &filler_spans(doc, candidate),
            Stroke::new(2.5, Color32::from_rgb(230, 140, 0)),
        );
    }
    match input.selected {
        Some(Filler::Mention(id)) => {
            if let Some(m) = doc.mention(id) {
                outline(&m.ranges, strong);
            }
        }
        Some(Filler::Event(id)) => {
            let Some(event) = doc.event(id) else {
                return;
            };
            outline(&event.trigger, strong);
            let schema = &input.project.schema;
            let event_type = schema.event_type(&event.event_type);
            for arg in &event.arguments {
                let spans = match arg.filler {
                    Filler::Mention(m) => doc.mention(m).map(|m| m.ranges.clone()),
                    Filler::Event(e) => doc.event(e).map(|e| e.trigger.clone()),
                };
                let Some(spans) = spans else { continue };
                outline(&spans, Stroke::new(2.0, Color32::from_rgb(200, 80, 20)));
                let label = event_type
                    .and_then(|t| t.role(&arg.role))
                    .map_or(arg.role.as_str(), |r| r.label.as_str());
                if let Some(first) = spans
                    .first()
                    .and_then(|s| span_rects(view, visible, *s).first().copied())
                {
                    let galley = painter.layout_no_wrap(
                        label.to_string(),
                        FontId::proportional(11.0),
                        Color32::WHITE,
                    );
                    let tag = Rect::from_min_size(
                        first.left_top() - vec2(0.0, galley.size().y + 2.0),
                        galley.size() + vec2(6.0, 0.0),
                    );
                    painter.rect_filled(tag, 3.0, Color32::from_rgb(200, 80, 20));
                    painter.galley(tag.min + vec2(3.0, 0.0), galley, Color32::WHITE);
                }
            }
        }
        None => {}
    }
}

/// The spans drawn for an annotation: a mention's ranges, an event's trigger.
fn filler_spans(doc: &Document, filler: Filler) -> Vec<Span> {
    match filler {
        Filler::Mention(m) => doc.mention(m).map(|m| m.ranges.clone()),
        Filler::Event(e) => doc.event(e).map(|e| e.trigger.clone()),
    }
    .unwrap_or_default()
}

/// Draws the relations of `selected`: a line with an arrow head from the outline of
/// the first end to the one of the second, the type's label at its middle, the other
/// end outlined. Ends out of view are not drawn.
fn paint_relations(
    painter: &egui::Painter,
    view: &ArticleView,
    visible: &[(usize, Laid, Pos2)],
    input: &ArticleInput<'_>,
    doc: &Document,
    selected: Filler,
) {
    let first_rect = |filler: Filler| {
        filler_spans(doc, filler)
            .first()
            .and_then(|s| span_rects(view, visible, *s).first().copied())
    };
    let schema = &input.project.schema;
    for r in doc.relations.iter().filter(|r| r.involves(selected)) {
        let (Some(a), Some(b)) = (first_rect(r.arg1), first_rect(r.arg2)) else {
            continue;
        };
        let color = schema
            .relation_type(&r.relation_type)
            .map_or(Color32::from_rgb(80, 80, 80), |t| {
                crate::ui::article::color_from_rgb(t.color)
            })
            .to_opaque();
        let stroke = Stroke::new(2.0, color);
        let other = if r.arg1 == selected { b } else { a };
        painter.rect_stroke(other.expand(1.5), 3.0, stroke, egui::StrokeKind::Outside);
        // From the top middle of one outline to the top middle of the other, so that
        // the line does not cross the words of its ends.
        let from = a.center_top() - vec2(0.0, 2.0);
        let to = b.center_top() - vec2(0.0, 2.0);
        painter.arrow(from, to - from, stroke);
        let galley = painter.layout_no_wrap(
            schema.label(&r.relation_type).to_string(),
            FontId::proportional(11.0),
            Color32::WHITE,
        );
        let middle = from + (to - from) / 2.0;
        let tag = Rect::from_center_size(middle, galley.size() + vec2(6.0, 0.0));
        painter.rect_filled(tag, 3.0, color);
        painter.galley(tag.min + vec2(3.0, 0.0), galley, Color32::WHITE);
    }
    // Equivalent annotations: the others of each group outlined, joined by a dashed line
    // (no arrow: the relation has no direction).
    let Some(from) = first_rect(selected) else {
        return;
    };
    for group in doc
        .equivalences
        .iter()
        .filter(|g| g.members.contains(&selected))
    {
        let color = schema
            .relation_type(&group.relation_type)
            .map_or(Color32::from_rgb(80, 80, 80), |t| {
                crate::ui::article::color_from_rgb(t.color)
            })
            .to_opaque();
        let stroke = Stroke::new(2.0, color);
        for other in group.members.iter().filter(|m| **m != selected) {
            let Some(rect) = first_rect(*other) else {
                continue;
            };
            painter.rect_stroke(rect.expand(1.5), 3.0, stroke, egui::StrokeKind::Outside);
            let line = [
                from.center_top() - vec2(0.0, 2.0),
                rect.center_top() - vec2(0.0, 2.0),
            ];
            painter.add(egui::Shape::dashed_line(&line, stroke, 5.0, 4.0));
        }
    }
}

/// Selection by drag and double click, clicks on highlights, hover tooltips.
fn handle_pointer(
    ui: &Ui,
    view: &mut ArticleView,
    visible: &[(usize, Laid, Pos2)],
    response: &egui::Response,
    input: &ArticleInput<'_>,
    doc: &Document,
    actions: &mut Vec<Action>,
) {
    let text = &doc.text;
    let block_text = |view: &ArticleView, c: usize| {
        let b = view.block_of_char(c);
        view.blocks.get(b).map(|block| {
            (
                block.clone(),
                text.get(block.bytes.clone()).unwrap_or_default(),
            )
        })
    };
    if response.drag_started()
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
    {
        view.drag_anchor = char_at(view, visible, origin);
    }
    if response.dragged()
        && let (Some(anchor), Some(pos)) = (view.drag_anchor, response.interact_pointer_pos())
        && let Some(c) = char_at(view, visible, pos)
    {
        actions.push(Action::SelectText(Some(Span::new(
            anchor.min(c),
            anchor.max(c),
        ))));
    }
    if response.drag_stopped()
        && let (Some(anchor), Some(pos)) =
            (view.drag_anchor.take(), response.interact_pointer_pos())
        && let Some(c) = char_at(view, visible, pos)
    {
        let (start, end) = (anchor.min(c), anchor.max(c));
        let modifiers = ui.input(|i| i.modifiers);
        let snapped = block_text(view, start).and_then(|(block, btext)| {
            // A selection is snapped within the block it starts in; Alt keeps it as
            // dragged.
            let end = end.min(block.chars.end);
            let local = start - block.chars.start..end - block.chars.start;
            let local = if modifiers.alt {
                local
            } else {
                snap_to_words(btext, local)
            };
            (!local.is_empty()).then(|| {
                Span::new(
                    block.chars.start + local.start,
                    block.chars.start + local.end,
                )
            })
        });
        // Ctrl+drag with a mention selected adds the words to it (discontinuous).
        if modifiers.command
            && let Some(Filler::Mention(id)) = input.selected
        {
            actions.push(Action::SelectText(None));
            if let Some(span) = snapped {
                actions.push(EditAction::AddRange(id, span).into());
            }
            return;
        }
        actions.push(Action::SelectText(snapped));
        if snapped.is_some() {
            view.popup_at = Some(pos);
        }
    }
    let pointer = response.interact_pointer_pos().or(response.hover_pos());
    if response.double_clicked()
        && let Some(pos) = pointer
        && let Some(c) = char_under(view, visible, pos)
        && let Some((block, btext)) = block_text(view, c)
        && let Some(word) = word_at(btext, c - block.chars.start)
    {
        let span = Span::new(block.chars.start + word.start, block.chars.start + word.end);
        // Ctrl+double-click with a mention selected adds the word to it.
        if ui.input(|i| i.modifiers.command)
            && let Some(Filler::Mention(id)) = input.selected
        {
            actions.push(Action::SelectText(None));
            actions.push(EditAction::AddRange(id, span).into());
            return;
        }
        actions.push(Action::SelectText(Some(span)));
        view.popup_at = Some(pos);
        return;
    }
    if response.clicked()
        && let Some(pos) = pointer
    {
        let hits = char_under(view, visible, pos)
            .map(|c| view.highlights.at(view.block_of_char(c), c))
            .unwrap_or_default();
        actions.push(Action::SelectText(None));
        if let Some(linking) = input.linking
            && linking.to.is_none()
        {
            if let Some(&to) = hits.iter().find(|&&h| h != linking.from) {
                actions.push(Action::SetLinking(Some(crate::ui::state::Linking {
                    to: Some(to),
                    ..linking
                })));
            }
            return;
        }
        if let Some((event, role)) = input.active_role {
            if let Some(&filler) = hits.first() {
                actions.push(EditAction::AddArgument(*event, role.clone(), filler).into());
            }
            return;
        }
        // Ctrl+click keeps the mention selected: it may be the first click of a
        // Ctrl+double-click that adds a word to it.
        if ui.input(|i| i.modifiers.command) && matches!(input.selected, Some(Filler::Mention(_))) {
            return;
        }
        // Clicking again where highlights overlap reaches the next one out.
        let next = match input
            .selected
            .and_then(|s| hits.iter().position(|&h| h == s))
        {
            Some(i) => hits.get((i + 1) % hits.len()).copied(),
            None => hits.first().copied(),
        };
        actions.push(Action::Select {
            target: next,
            scroll: false,
        });
    }
    if let Some(pos) = response.hover_pos()
        && !response.dragged()
        && let Some(c) = char_under(view, visible, pos)
    {
        let hits = view.highlights.at(view.block_of_char(c), c);
        let differences = visible_marks(view, visible, input.marks)
            .filter(|m| m.span.contains(c))
            .map(|m| m.hover.clone());
        let mut lines: Vec<String> = hits
            .iter()
            .map(|h| describe(input.project, doc, *h))
            .chain(differences)
            .collect();
        lines.dedup();
        if !lines.is_empty() {
            response.clone().on_hover_text_at_pointer(lines.join("\n"));
        }
    }
}
