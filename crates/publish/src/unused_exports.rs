//! Leptos always links server functions' browser side (`server_fn`, feature `browser`), and with
//! it `wasm-streams`, whose JavaScript-facing stream classes (`IntoUnderlyingSource`,
//! `IntoUnderlyingSink`, `IntoUnderlyingByteSource`) wasm-bindgen exports from every wasm. The
//! dashboard has no server function and never makes one of these streams, but an export is never
//! dead code to the optimizer, so their code stayed: 1.3 KB gzipped of the first load.
//!
//! [`without_exports`] drops such exports from a built wasm (its export section rewritten, every
//! other byte kept), and [`strip_unused_stream_exports`] does it to the site's wasm files and then
//! lets `wasm-opt` remove the code only they reached. The glue still defines the classes; they
//! call into the wasm only from an object of theirs, which nothing creates.

use std::path::Path;
use std::process::Command;

use crate::leb128;
use crate::PublishError;

/// Whether an export is one of `wasm-streams`' classes' (its methods and its `free`).
pub fn is_stream_export(name: &str) -> bool {
    let name = name.strip_prefix("__wbg_").unwrap_or(name);
    ["intounderlyingsource", "intounderlyingsink", "intounderlyingbytesource"].iter().any(|c| name.starts_with(c))
}

const EXPORT_SECTION: u8 = 7;

/// `wasm` without the exports whose names `drop` picks, and the names dropped. Every other
/// section is kept byte for byte. An error for bytes that are not a wasm module.
pub fn without_exports(wasm: &[u8], drop: impl Fn(&str) -> bool) -> Result<(Vec<u8>, Vec<String>), PublishError> {
    let bad = |what: &str| PublishError(format!("not a wasm module the publish step can read: {what}"));
    if wasm.get(..4) != Some(b"\0asm".as_slice()) || wasm.len() < 8 {
        return Err(bad("no wasm header"));
    }
    let mut out = wasm[..8].to_vec();
    let mut dropped = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, start) = leb128::read(wasm, at + 1).ok_or_else(|| bad("a section's size"))?;
        let end =
            start.checked_add(size as usize).filter(|e| *e <= wasm.len()).ok_or_else(|| bad("a section's end"))?;
        let body = &wasm[start..end];
        if id != EXPORT_SECTION {
            out.extend_from_slice(&wasm[at..end]);
            at = end;
            continue;
        }
        let (count, mut i) = leb128::read(body, 0).ok_or_else(|| bad("the export count"))?;
        let mut kept = Vec::new();
        let mut kept_count = 0u32;
        for _ in 0..count {
            let entry_start = i;
            let (len, name_start) = leb128::read(body, i).ok_or_else(|| bad("an export's name"))?;
            let name_end = name_start + len as usize;
            let name = body.get(name_start..name_end).and_then(|n| std::str::from_utf8(n).ok());
            let name = name.ok_or_else(|| bad("an export's name"))?;
            // The kind byte, then the index.
            let (_, entry_end) = leb128::read(body, name_end + 1).ok_or_else(|| bad("an export's index"))?;
            if drop(name) {
                dropped.push(name.to_string());
            } else {
                kept.extend_from_slice(&body[entry_start..entry_end]);
                kept_count += 1;
            }
            i = entry_end;
        }
        let mut section = Vec::new();
        leb128::push(&mut section, kept_count);
        section.extend_from_slice(&kept);
        out.push(EXPORT_SECTION);
        leb128::push(&mut out, section.len() as u32);
        out.extend_from_slice(&section);
        at = end;
    }
    Ok((out, dropped))
}

/// Drops `wasm-streams`' exports from every `*_bg.wasm` in `dir` and runs `wasm-opt -Oz` over each
/// one that had them, so the code only they reached goes too. Without `wasm-opt` on the path (a
/// development build), the exports still go and the code stays. Returns what was done, for the log.
pub fn strip_unused_stream_exports(dir: &Path) -> Result<Vec<String>, PublishError> {
    let entries = std::fs::read_dir(dir).map_err(|e| PublishError(format!("cannot list {}: {e}", dir.display())))?;
    let mut done = Vec::new();
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.to_string_lossy().ends_with("_bg.wasm")) {
        let wasm = std::fs::read(path).map_err(|e| PublishError(format!("cannot read {}: {e}", path.display())))?;
        let (stripped, dropped) = without_exports(&wasm, is_stream_export)?;
        if dropped.is_empty() {
            continue;
        }
        std::fs::write(path, &stripped).map_err(|e| PublishError(format!("cannot write {}: {e}", path.display())))?;
        // The same features the build's wasm-opt was given (Trunk adds reference types); the
        // first load's wasm (`dashboard-HASH_bg.wasm`) also gets a round of rebuilding its
        // control flow, as index.html asks of its build (0.1 KB gzipped, 9 s).
        let first_load = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("dashboard"));
        let rounds: &[&str] = if first_load { &["--flatten", "--rereloop", "-Oz", "-Oz"] } else { &[] };
        let optimized = Command::new("wasm-opt")
            .arg(path)
            .args(["-Oz", "--enable-reference-types"])
            .args(rounds)
            .args(["--low-memory-unused", "-o"])
            .arg(path)
            .status();
        let how = match optimized {
            Ok(s) if s.success() => "and the code only they reached",
            Ok(s) => return Err(PublishError(format!("wasm-opt failed on {} ({s})", path.display()))),
            Err(_) => "(no wasm-opt on the path: their code stays)",
        };
        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().to_string());
        done.push(format!("{name}: {} unused exports {how}", dropped.len()));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module of two functions, both exported, with a custom section after the exports.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // type section: one type () -> ()
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        // function section: two functions of type 0
        m.extend_from_slice(&[3, 3, 2, 0, 0]);
        // export section: "main" -> func 0, "intounderlyingsource_pull" -> func 1
        let mut exports = vec![2u8];
        for (name, index) in [("main", 0u8), ("intounderlyingsource_pull", 1)] {
            exports.push(name.len() as u8);
            exports.extend_from_slice(name.as_bytes());
            exports.extend_from_slice(&[0, index]);
        }
        m.push(7);
        m.push(exports.len() as u8);
        m.extend_from_slice(&exports);
        // code section: two empty bodies
        m.extend_from_slice(&[10, 7, 2, 2, 0, 0x0b, 2, 0, 0x0b]);
        // custom section "x"
        m.extend_from_slice(&[0, 3, 1, b'x', 9]);
        m
    }

    fn export_names(wasm: &[u8]) -> Vec<String> {
        let (_, dropped) = without_exports(wasm, |_| true).expect("a module");
        dropped
    }

    #[test]
    fn the_streams_exports_go_and_every_other_byte_stays() {
        let m = module();
        let (out, dropped) = without_exports(&m, is_stream_export).expect("a module");
        assert_eq!(dropped, ["intounderlyingsource_pull"]);
        assert_eq!(export_names(&out), ["main"]);
        // Only the export section changed: the same sections before and after it.
        let before = &m[..m.iter().position(|b| *b == 7).expect("exports")];
        assert!(out.starts_with(before));
        assert!(out.ends_with(&[10, 7, 2, 2, 0, 0x0b, 2, 0, 0x0b, 0, 3, 1, b'x', 9]));
        assert_eq!(m.len() - out.len(), 1 + "intounderlyingsource_pull".len() + 2);
        // Nothing to drop: the module as it was.
        assert_eq!(without_exports(&out, is_stream_export).expect("a module").0, out);
    }

    #[test]
    fn names_of_the_stream_classes_and_only_they_are_picked() {
        for name in ["intounderlyingbytesource_pull", "__wbg_intounderlyingsink_free", "intounderlyingsource_cancel"] {
            assert!(is_stream_export(name), "{name}");
        }
        for name in ["main", "__wbindgen_malloc", "__wbg_set_textcontent", "into_underlying"] {
            assert!(!is_stream_export(name), "{name}");
        }
    }

    #[test]
    fn bytes_that_are_not_a_module_are_refused() {
        assert!(without_exports(b"not wasm", |_| true).is_err());
        let mut cut = module();
        cut.truncate(20);
        assert!(without_exports(&cut, |_| true).is_err());
    }
}
