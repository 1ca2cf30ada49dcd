//! In-process benchmarks: reading an input, compiling it, exporting it.
//! Run with `cargo bench`; see the README's performance section.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vanban::pdf::{Role, SoftwareKey};
use vanban::{Engine, model, pipeline};

/// The tests' certificates: a CA and the identities it issues.
#[path = "../tests/it/keys.rs"]
#[allow(dead_code)]
mod keys;

const REFERENCE: &str = include_str!("../examples/ket-luan-thuong-truc-huyen-uy-2020-11.toml");
const STATE: &str = include_str!("../examples/thong-bao-ubnd-tinh.toml");

/// The reference example with one paragraph changed, as in a batch of
/// documents that differ in one paragraph.
fn variant(source: &str, i: u64) -> String {
    source.replacen("Công tác", &format!("Công tác (bản {i})"), 1)
}

fn benches(c: &mut Criterion) {
    let engine = Engine::new();
    let doc = model::load("ref.toml", REFERENCE.as_bytes()).expect("valid");
    let compiled = pipeline::compile(&engine, &doc).expect("compiles");

    c.bench_function("load: parse and check the reference TOML", |b| {
        b.iter(|| model::load("ref.toml", black_box(REFERENCE.as_bytes())).expect("valid"))
    });

    c.bench_function("compile: reference, one paragraph changed each time", |b| {
        let mut i = 0;
        b.iter(|| {
            i += 1;
            let doc = model::load("ref.toml", variant(REFERENCE, i).as_bytes()).expect("valid");
            let compiled = pipeline::compile(&engine, &doc).expect("compiles");
            typst::comemo::evict(10);
            compiled
        })
    });

    c.bench_function(
        "compile: State notice, one paragraph changed each time",
        |b| {
            let mut i = 0;
            b.iter(|| {
                i += 1;
                let source = STATE.replacen("Thứ nhất,", &format!("Thứ nhất ({i}),"), 1);
                let doc = model::load("state.toml", source.as_bytes()).expect("valid");
                let compiled = pipeline::compile(&engine, &doc).expect("compiles");
                typst::comemo::evict(10);
                compiled
            })
        },
    );

    c.bench_function("export: reference to PDF", |b| {
        b.iter(|| pipeline::export_pdf(&doc, black_box(&compiled), None).expect("exports"))
    });

    c.bench_function("export: reference, three pages to PNG at 144 ppi", |b| {
        b.iter(|| pipeline::export_png(black_box(&compiled), 144.0).expect("renders"))
    });

    c.bench_function("engine: start (fonts and library)", |b| b.iter(Engine::new));

    // What signing adds to a render: a PAdES signature with a software
    // RSA-2048 key, in an incremental update of the reference PDF.
    let pdf = pipeline::export_pdf(&doc, &compiled, None).expect("exports");
    let key = SoftwareKey::from_pkcs12(&keys::pkcs12(&keys::signer()), keys::PASSWORD)
        .expect("the key opens");
    c.bench_function("sign: reference PDF, software RSA-2048 key", |b| {
        b.iter(|| {
            vanban::pdf::sign(
                black_box(&pdf),
                &key,
                Role::Signer,
                std::time::SystemTime::now(),
            )
            .expect("signs")
        })
    });
    // As `render` makes it: carrying its source, which signing reads for
    // the reason and place.
    let input = vanban::Input::text("ref.toml", REFERENCE, None);
    let made = pipeline::make(&engine, &pipeline::Job::default(), &input)
        .result
        .expect("made");
    let carrying = &made.files[0].bytes;
    c.bench_function("sign: reference PDF carrying its source", |b| {
        b.iter(|| {
            vanban::pdf::sign(
                black_box(carrying),
                &key,
                Role::Signer,
                std::time::SystemTime::now(),
            )
            .expect("signs")
        })
    });
    // The records office's step on a document nobody signed: made again
    // from its source with the number and date, and signed.
    let blank = REFERENCE.replace("number = 15", "# number = 15");
    let blank = pipeline::make(
        &engine,
        &pipeline::Job::default(),
        &vanban::Input::text("ref.toml", blank, None),
    )
    .result
    .expect("made")
    .files
    .remove(0)
    .bytes;
    let date = chrono::NaiveDate::from_ymd_opt(2020, 11, 5).expect("a date");
    c.bench_function("issue: unsigned reference, made again and signed", |b| {
        b.iter(|| {
            vanban::pdf::issue(
                &engine,
                "ref.pdf",
                black_box(&blank),
                None,
                &vanban::pdf::Issue {
                    number: 15,
                    date,
                    key: &key,
                    time: std::time::SystemTime::now(),
                    creation_epoch: None,
                },
            )
            .expect("issues")
        })
    });
    let signed =
        vanban::pdf::sign(&pdf, &key, Role::Signer, std::time::SystemTime::now()).expect("signs");
    c.bench_function("verify: reference PDF with one signature", |b| {
        b.iter(|| vanban::pdf::verify(black_box(&signed)).expect("verifies"))
    });
}

criterion_group! {
    name = render_benches;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(render_benches);
