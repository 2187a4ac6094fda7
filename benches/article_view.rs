//! Frame cost of the article view on a 1 MB article with 20,000 highlights, headless
//! (no GPU): layout and tessellation-free painting as egui does them on the UI thread.
//!
//! Run: `cargo bench --bench article_view`.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "big_article/mod.rs"]
mod big_article;

use big_article::big_project;
use eventail::model::{Project, Span};
use eventail::ui::article::{ArticleInput, ArticleView, article_ui};
use eventail::ui::review::{Mark, Side};

fn main() {
    divan::main();
}

fn input(size: egui::Vec2, scroll: f32) -> egui::RawInput {
    let mut raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..Default::default()
    };
    if scroll != 0.0 {
        raw.events
            .push(egui::Event::PointerMoved(egui::pos2(400.0, 400.0)));
        raw.events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -scroll),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
    }
    raw
}

struct Bench {
    ctx: egui::Context,
    view: ArticleView,
    project: Project,
    generation: u64,
    /// Differences with a colleague's version, when comparing.
    marks: Vec<Mark>,
}

impl Bench {
    fn new() -> Self {
        Self::comparing(0)
    }

    /// The article compared with a colleague's version that differs `differences`
    /// times, spread over the text, of every kind.
    fn comparing(differences: usize) -> Self {
        let project = big_project();
        let chars = project.documents[0].char_len();
        let step = chars / differences.max(1);
        let sides = [Side::OnlyA, Side::OnlyB, Side::Both];
        let marks = (0..differences)
            .map(|n| Mark {
                span: Span::new(n * step + 3, (n * step + 12).min(chars)),
                side: sides[n % 3],
                index: n,
                hover: format!("difference {n}"),
            })
            .collect();
        let mut bench = Self {
            ctx: egui::Context::default(),
            view: ArticleView::default(),
            project,
            generation: 0,
            marks,
        };
        for _ in 0..3 {
            bench.frame(0.0);
        }
        bench
    }

    fn frame(&mut self, scroll: f32) {
        let Self {
            ctx,
            view,
            project,
            generation,
            marks,
        } = self;
        let mut output = ctx.run_ui(input(egui::vec2(900.0, 800.0), scroll), |ui| {
            let input = ArticleInput {
                project,
                doc_index: 0,
                generation: (*generation, 0),
                selection: None,
                selected: None,
                active_role: None,
                linking: None,
                marks,
                current_mark: Some(1),
            };
            article_ui(ui, view, &input, &mut Vec::new());
        });
        // No GPU takes the glyphs drawn for the first time.
        output.textures_delta.clear();
    }
}

/// A frame with nothing new: every visible galley comes from the cache.
#[divan::bench(sample_count = 50)]
fn steady_frame(bencher: divan::Bencher) {
    let mut bench = Bench::new();
    bencher.bench_local(|| bench.frame(0.0));
}

/// A frame while scrolling by 120 points: new paragraphs come into view.
#[divan::bench(sample_count = 50)]
fn scrolling_frame(bencher: divan::Bencher) {
    let mut bench = Bench::new();
    bencher.bench_local(|| bench.frame(120.0));
}

/// A frame while scrolling the article compared with a colleague's version that
/// differs 10,000 times: the comparison view must scroll like the article view.
#[divan::bench(sample_count = 50)]
fn scrolling_frame_comparing(bencher: divan::Bencher) {
    let mut bench = Bench::comparing(10_000);
    bencher.bench_local(|| bench.frame(120.0));
}

/// The frame after an edit: highlights are re-indexed and visible blocks laid out again.
#[divan::bench(sample_count = 30)]
fn frame_after_edit(bencher: divan::Bencher) {
    let mut bench = Bench::new();
    bencher.bench_local(|| {
        bench.generation += 1;
        bench.frame(0.0)
    });
}
