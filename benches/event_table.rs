//! Cost of the event table on an article with 2,000 events (each with a trigger and
//! three fillers, 6,000 mentions): the rows computed again (filtered by text, sorted by
//! a role), and a frame of the side panel's table drawn headless (no GPU), steady and
//! after an edit.
//!
//! Run: `cargo bench --bench event_table`.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::model::{
    Document, Event, EventId, Filler, Mention, MentionId, Project, RoleArg, Span,
};
use eventail::ui::event_table::{EventColumn, EventTableState, event_table};
use eventail::ui::state::ViewState;

fn main() {
    divan::main();
}

const EVENTS: u32 = 2_000;

/// One sentence per event: "L’armée syrienne a attaqué Palmyre le 24 mars.", its
/// attacker, trigger, place and date annotated, in paragraphs of ten sentences.
fn big_project() -> Project {
    let actors = [
        "L’armée syrienne",
        "Daech",
        "Le Hezbollah",
        "Les forces russes",
    ];
    let verbs = [
        ("a attaqué", "attack"),
        ("a combattu à", "battle"),
        ("a pris", "capture"),
    ];
    let places = ["Palmyre", "Homs", "Alep", "Deir ez-Zor", "Raqqa"];
    let mut text = String::new();
    let mut chars = 0usize;
    let mut mentions = Vec::new();
    let mut events = Vec::new();
    let mut next = 1u32;
    let add = |text: &mut String, chars: &mut usize, s: &str| {
        let start = *chars;
        text.push_str(s);
        *chars += s.chars().count();
        Span::new(start, *chars)
    };
    for i in 0..EVENTS as usize {
        let actor = add(&mut text, &mut chars, actors[i % actors.len()]);
        add(&mut text, &mut chars, " ");
        let (verb, event_type) = verbs[i % verbs.len()];
        let trigger = add(&mut text, &mut chars, verb);
        add(&mut text, &mut chars, " ");
        let place = add(&mut text, &mut chars, places[i % places.len()]);
        add(&mut text, &mut chars, " le ");
        let date = add(&mut text, &mut chars, &format!("{} mars", 1 + i % 28));
        add(
            &mut text,
            &mut chars,
            if i % 10 == 9 { ".\n\n" } else { ". " },
        );
        let mut mention = |entity_type: &str, span: Span| {
            let id = MentionId(next);
            next += 1;
            mentions.push(Mention {
                id,
                entity_type: entity_type.into(),
                ranges: vec![span],
                attributes: Default::default(),
                note: String::new(),
                author: String::new(),
                changed: String::new(),
                sources: Vec::new(),
            });
            Filler::Mention(id)
        };
        let (agent, where_, when) = (
            mention("armed_group", actor),
            mention("place", place),
            mention("date", date),
        );
        let roles = match event_type {
            "attack" => ["attacker", "place", "time"],
            "battle" => ["combatant", "place", "time"],
            _ => ["agent", "territory", "time"],
        };
        events.push(Event {
            id: EventId(next),
            event_type: event_type.into(),
            trigger: vec![trigger],
            arguments: roles
                .iter()
                .zip([agent, where_, when])
                .map(|(role, filler)| RoleArg {
                    role: role.to_string(),
                    filler,
                })
                .collect(),
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        next += 1;
    }
    let mut doc = Document::new("big", "Big", text);
    doc.mentions = mentions;
    doc.events = events;
    doc.next_id = next;
    let mut project = Project::new("bench", eventail::io::default_schema());
    project.documents.push(doc);
    project
}

/// The rows of 2,000 events computed again, kept by a text filter and sorted by the
/// place role (what each change of the project or of the user's choices costs).
#[divan::bench(sample_count = 30)]
fn rows_filtered_and_sorted_by_a_role(bencher: divan::Bencher) {
    let project = big_project();
    let doc = &project.documents[0];
    let state = EventTableState {
        text: "a".into(),
        sort: Some((EventColumn::Role("place".into()), false)),
        ..Default::default()
    };
    assert_eq!(
        event_table(&project, doc, &state).rows.len(),
        EVENTS as usize
    );
    bencher.bench_local(|| event_table(&project, doc, &state));
}

struct Bench {
    ctx: egui::Context,
    project: Project,
    view: ViewState,
    generation: u64,
}

impl Bench {
    fn new() -> Self {
        let mut view = ViewState::default();
        view.event_table.sort = Some((EventColumn::Role("place".into()), false));
        let mut bench = Self {
            ctx: egui::Context::default(),
            project: big_project(),
            view,
            generation: 0,
        };
        for _ in 0..3 {
            bench.frame();
        }
        bench
    }

    fn frame(&mut self) {
        let raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(700.0, 900.0),
            )),
            ..Default::default()
        };
        let Self {
            ctx,
            project,
            view,
            generation,
        } = self;
        let mut output = ctx.run_ui(raw, |ui| {
            eventail::ui::events_ui::events_ui(
                ui,
                project,
                view,
                (*generation, 0),
                &mut Vec::new(),
            );
        });
        // No GPU takes the glyphs drawn for the first time.
        output.textures_delta.clear();
    }
}

/// A frame of the table with nothing new: the rows come from the cache, only those in
/// view are laid out.
#[divan::bench(sample_count = 50)]
fn steady_frame(bencher: divan::Bencher) {
    let mut bench = Bench::new();
    bencher.bench_local(|| bench.frame());
}

/// The frame after an edit: the rows are computed again, then drawn.
#[divan::bench(sample_count = 30)]
fn frame_after_edit(bencher: divan::Bencher) {
    let mut bench = Bench::new();
    bencher.bench_local(|| {
        bench.generation += 1;
        bench.frame()
    });
}
