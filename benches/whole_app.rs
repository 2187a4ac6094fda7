//! Frame cost of the whole app, headless: the real `EventailApp` on a 1 MB article with
//! 20,000 mentions and 2,000 events, each frame built by egui and tessellated, as the
//! UI thread does before handing triangles to the GPU (no GPU here, no AccessKit).
//!
//! Every benchmark runs frames in a 1400 × 900 window: scrolling the article, the frame
//! that shows a word tagged (double-click, then the entity's key), the frame after undo,
//! the first frame of the opened project, frames while the width changes, frames with
//! the event table sorted by a role (steady, and showing a word tagged), frames while
//! scrolling the article compared with a colleague's version; and, for a
//! project of 1,000 articles, the time from opening it to its first article drawn.
//!
//! Run: `cargo bench --bench whole_app`.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "big_article/mod.rs"]
mod big_article;
#[path = "common/mod.rs"]
mod common;

use eframe::App as _;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2, pos2, vec2};
use eventail::ui::EventailApp;
use eventail::ui::action::Action;
use eventail::ui::event_table::{EventColumn, EventTableAction};
use std::cell::RefCell;
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

/// The window's size.
const SIZE: Vec2 = vec2(1400.0, 900.0);

/// A point on the article's text, right of the documents panel.
const IN_TEXT: Pos2 = pos2(420.0, 300.0);

/// The big project saved in a temporary folder.
struct Saved {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn saved_project() -> Saved {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    eventail::io::save_project(&path, &big_article::big_project_with_events()).unwrap();
    Saved { _dir: dir, path }
}

/// A colleague's version of the big project: every seventh mention left out, every
/// eleventh of another type; saved beside `saved`.
fn colleagues_version(saved: &Saved) -> PathBuf {
    let mut project = big_article::big_project_with_events();
    let doc = &mut project.documents[0];
    let mut n = 0;
    doc.mentions.retain(|_| {
        n += 1;
        n % 7 != 0
    });
    for (k, mention) in doc.mentions.iter_mut().enumerate() {
        if k % 11 == 0 {
            mention.entity_type = "person".into();
        }
    }
    let kept: std::collections::HashSet<_> = doc.mentions.iter().map(|m| m.id).collect();
    for event in &mut doc.events {
        event.arguments.retain(|a| match a.filler {
            eventail::model::Filler::Mention(id) => kept.contains(&id),
            eventail::model::Filler::Event(_) => true,
        });
    }
    doc.events
        .retain(|e| e.trigger.is_empty() || e.id.0 % 7 != 0);
    let path = saved.path.with_file_name("colleague.ron");
    eventail::io::save_project(&path, &project).unwrap();
    path
}

/// The app in a headless egui context, with the clock it is given.
struct Window {
    ctx: egui::Context,
    app: EventailApp,
    frame: eframe::Frame,
    time: f64,
    size: Vec2,
}

impl Window {
    /// The app opening `path`; no frame run yet.
    fn opening(path: &Path) -> Self {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let app = EventailApp::new(&cc, Some(path.to_path_buf()));
        Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
            size: SIZE,
        }
    }

    /// The app with `path` open and drawn, a mention selected.
    fn opened(path: &Path) -> Self {
        let mut window = Self::opening(path);
        for _ in 0..2_000 {
            if window
                .app
                .project()
                .documents
                .first()
                .is_some_and(|d| d.id == "big")
                && window.app.background_job().is_none()
            {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
            window.frame(Vec::new());
        }
        assert_eq!(window.app.project().documents[0].id, "big", "opened");
        for _ in 0..5 {
            window.frame(Vec::new());
        }
        // What the benchmarks time does happen: a double-click and the key tag a word,
        // Ctrl+Z takes it back.
        let mentions = |w: &Self| w.app.project().documents[0].mentions.len();
        let before = mentions(&window);
        window.double_click(IN_TEXT);
        window.frame(vec![Event::Text(window.entity_key().to_string())]);
        assert_eq!(mentions(&window), before + 1, "a word is tagged");
        window.frame(key(Key::Z, Modifiers::COMMAND));
        assert_eq!(mentions(&window), before, "and untagged");
        window
    }

    /// The app with `path` open and drawn, its event table sorted by the first role of
    /// the first event type.
    fn sorted_by_a_role(path: &Path) -> Self {
        let mut window = Self::opened(path);
        let role = window.app.project().schema.event_types[0].roles[0]
            .name
            .clone();
        let sort = EventTableAction::Sort(EventColumn::Role(role));
        window.app.act(Action::EventTable(sort));
        window.frame(Vec::new());
        window
    }

    /// The key of the schema's first entity type.
    fn entity_key(&self) -> char {
        let t = &self.app.project().schema.entity_types[0];
        t.shortcut
            .expect("the default schema's first type has a key")
    }

    /// One frame with these input events: built, then tessellated.
    fn frame(&mut self, events: Vec<Event>) {
        self.time += 1.0 / 60.0;
        let raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, self.size)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..Default::default()
        };
        let Self {
            ctx, app, frame, ..
        } = self;
        let mut output = ctx.run_ui(raw, |ui| app.ui(ui, frame));
        // The glyphs drawn for the first time would go to the GPU here.
        output.textures_delta.clear();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        divan::black_box(primitives);
    }

    /// Frames of a double-click on the word at `at`: it is selected.
    fn double_click(&mut self, at: Pos2) {
        self.frame(vec![Event::PointerMoved(at)]);
        for _ in 0..2 {
            self.frame(vec![button(at, true)]);
            self.frame(vec![button(at, false)]);
        }
    }
}

fn button(pos: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

fn key(key: Key, modifiers: Modifiers) -> Vec<Event> {
    [true, false]
        .into_iter()
        .map(|pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        })
        .collect()
}

fn scroll(by: f32) -> Vec<Event> {
    vec![
        Event::PointerMoved(IN_TEXT),
        Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, by),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        },
    ]
}

/// A frame with nothing new.
#[divan::bench(sample_count = 30)]
fn steady_frame(bencher: divan::Bencher) {
    let saved = saved_project();
    let mut window = Window::opened(&saved.path);
    bencher.bench_local(|| window.frame(Vec::new()));
}

/// A frame while scrolling down by 120 points (and back up at the end of the article).
#[divan::bench(sample_count = 50)]
fn scrolling_frame(bencher: divan::Bencher) {
    let saved = saved_project();
    scrolling_frames(bencher, Window::opened(&saved.path));
}

/// Times frames that scroll `window`'s article by 120 points.
fn scrolling_frames(bencher: divan::Bencher, mut window: Window) {
    let mut n = 0u32;
    bencher.bench_local(|| {
        n += 1;
        // 400 steps down, then up again: far from the top, within the article.
        let down = (n / 400).is_multiple_of(2);
        window.frame(scroll(if down { -120.0 } else { 120.0 }));
    });
}

/// The frame in which the entity key tags the selected word: the mention is added,
/// the article's highlights and the side panel follow.
#[divan::bench(sample_count = 30)]
fn frame_after_tagging(bencher: divan::Bencher) {
    let saved = saved_project();
    tagging_frames(bencher, Window::opened(&saved.path));
}

/// Times the frames in which the entity key tags a selected word in `window`.
fn tagging_frames(bencher: divan::Bencher, window: Window) {
    let window = RefCell::new(window);
    let entity_key = window.borrow().entity_key();
    bencher
        .with_inputs(|| {
            let mut w = window.borrow_mut();
            // Undo the last tag (not timed), then select a word again.
            w.frame(key(Key::Z, Modifiers::COMMAND));
            w.frame(Vec::new());
            w.double_click(IN_TEXT);
        })
        .bench_local_values(|()| {
            window
                .borrow_mut()
                .frame(vec![Event::Text(entity_key.to_string())]);
        });
}

/// The frame in which Ctrl+Z removes a mention just added.
#[divan::bench(sample_count = 30)]
fn frame_after_undo(bencher: divan::Bencher) {
    let saved = saved_project();
    let window = RefCell::new(Window::opened(&saved.path));
    let entity_key = window.borrow().entity_key();
    bencher
        .with_inputs(|| {
            let mut w = window.borrow_mut();
            w.double_click(IN_TEXT);
            w.frame(vec![Event::Text(entity_key.to_string())]);
            w.frame(Vec::new());
        })
        .bench_local_values(|()| {
            window.borrow_mut().frame(key(Key::Z, Modifiers::COMMAND));
        });
}

/// The first frame once the project is read: the article laid out for the first time.
#[divan::bench(sample_count = 10)]
fn first_frame_after_opening(bencher: divan::Bencher) {
    let saved = saved_project();
    bencher
        .with_inputs(|| {
            let mut window = Window::opening(&saved.path);
            // The app reads a project this size in the background; the frame that
            // takes the result puts it in place, the next one draws it.
            while window.app.background_job().is_some() {
                std::thread::sleep(std::time::Duration::from_millis(2));
                window.frame(Vec::new());
            }
            window
        })
        .bench_local_values(|mut window| {
            window.frame(Vec::new());
            window
        });
}

/// From opening a project of 1,000 articles of 2 KB (8.6 MB of RON) to its first
/// article drawn and editable: the app reads the first article, shows it, and reads the
/// others in the background. Each sample starts once the previous one's reading ended.
#[divan::bench(sample_count = 10)]
fn first_of_1000_articles_drawn(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.ron");
    eventail::io::save_project(&path, &common::first_project(1_000)).unwrap();
    bencher
        .with_inputs(|| std::thread::sleep(std::time::Duration::from_millis(600)))
        .bench_local_values(|()| {
            let mut window = Window::opening(&path);
            while window.app.background_job().is_some() || window.app.project().documents.is_empty()
            {
                std::thread::yield_now();
                window.frame(Vec::new());
            }
            window.frame(Vec::new());
            window
        });
}

/// A frame of the article with its event table sorted by a role, the fillers' text
/// compared for 2,000 events (kept between frames until the project changes).
#[divan::bench(sample_count = 30)]
fn frame_with_the_table_sorted_by_a_role(bencher: divan::Bencher) {
    let saved = saved_project();
    let mut window = Window::sorted_by_a_role(&saved.path);
    bencher.bench_local(|| window.frame(Vec::new()));
}

/// The frame that shows a word tagged with the event table sorted by a role: the
/// rows are sorted again.
#[divan::bench(sample_count = 30)]
fn frame_after_tagging_with_the_table_sorted_by_a_role(bencher: divan::Bencher) {
    let saved = saved_project();
    tagging_frames(bencher, Window::sorted_by_a_role(&saved.path));
}

/// Frames while scrolling the article compared with a colleague's version: the
/// differences marked in the text, the review panel below (Review > Compare).
#[divan::bench(sample_count = 50)]
fn scrolling_frame_comparing(bencher: divan::Bencher) {
    let saved = saved_project();
    let colleague = colleagues_version(&saved);
    let mut window = Window::opened(&saved.path);
    window
        .app
        .read_when_open(eventail::ui::ProjectsFor::Compare, vec![colleague]);
    for _ in 0..2_000 {
        if window.app.review().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        window.frame(Vec::new());
    }
    assert!(window.app.review().is_some(), "compared");
    window.frame(Vec::new());
    scrolling_frames(bencher, window);
}

/// Frames while the window narrows and widens by 13 points a frame (a drag of its
/// edge): the article wraps again.
#[divan::bench(sample_count = 50)]
fn frame_during_width_change(bencher: divan::Bencher) {
    let saved = saved_project();
    let mut window = Window::opened(&saved.path);
    let mut n = 0i32;
    bencher.bench_local(|| {
        n += 1;
        let phase = (n % 60 - 30).abs() as f32; // 30 down to 0 and back
        window.size = vec2(1000.0 + 13.0 * phase, SIZE.y);
        window.frame(Vec::new());
    });
}
