//! wasm-bindgen names every function the wasm imports from its JS glue and every one it exports to
//! it after the Rust item and a hash (`__wbg_getAttribute_c7b80d4010284561`,
//! `wasm_bindgen_…___convert__closures_____invoke___…`): two hundred names, eight thousand bytes
//! written twice, in the wasm and in the glue, whose hashes gzip cannot shrink. Nothing but the
//! glue reads them, so the publish step gives each a short name (`$0`, `$1`, …) in both
//! ([`shorten`]): 2.6 KB gzipped less glue and 3.5 KB less wasm on the first load.
//!
//! [`renamed`] rewrites a module's import and export sections (every other byte kept; [`shorten`]
//! also drops the custom sections the toolchain writes for tools, 0.2 KB);
//! [`renamed_js`] rewrites the glue's identifiers. `memory` keeps its name: the benchmark reads the
//! wasm's memory by it from the `TrunkApplicationStarted` event.

use std::collections::HashMap;
use std::path::Path;

use crate::leb128;
use crate::PublishError;

const CUSTOM_SECTION: u8 = 0;
const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

fn bad(what: &str) -> PublishError {
    PublishError(format!("not a wasm module the publish step can read: {what}"))
}

/// The (old, new) names a rewrite gave.
pub type Renames = Vec<(String, String)>;

/// Which section a name is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Import,
    Export,
}

/// A name at `at` in a section's body: (the name, the index after it).
fn name_at(body: &[u8], at: usize) -> Result<(&str, usize), PublishError> {
    let (len, start) = leb128::read(body, at).ok_or_else(|| bad("a name's length"))?;
    let end = start + len as usize;
    let name = body.get(start..end).and_then(|n| std::str::from_utf8(n).ok()).ok_or_else(|| bad("a name"))?;
    Ok((name, end))
}

fn push_name(out: &mut Vec<u8>, name: &str) {
    leb128::push(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

/// The index after an import's description at `at` (its kind byte first).
fn after_import_description(body: &[u8], at: usize) -> Result<usize, PublishError> {
    let limits = |at: usize| -> Option<usize> {
        let flags = *body.get(at)?;
        let (_, at) = leb128::read(body, at + 1)?;
        if flags & 1 == 1 {
            leb128::read(body, at).map(|(_, at)| at)
        } else {
            Some(at)
        }
    };
    let end = match body.get(at) {
        // A function: its type's index.
        Some(0) => leb128::read(body, at + 1).map(|(_, at)| at),
        // A table: its element type, then its limits.
        Some(1) => limits(at + 2),
        Some(2) => limits(at + 1),
        // A global: its value type and mutability.
        Some(3) => Some(at + 3),
        // A tag: its attribute and type index.
        Some(4) => leb128::read(body, at + 2).map(|(_, at)| at),
        _ => None,
    };
    end.filter(|e| *e <= body.len()).ok_or_else(|| bad("an import's description"))
}

/// `wasm` with the names of its imports (from any module) and exports that `rename` renames (told
/// whether each is an import), and the (old, new) pairs. Every other byte is kept. An error for
/// bytes that are not a wasm module.
pub fn renamed(
    wasm: &[u8],
    rename: impl FnMut(Entry, &str) -> Option<String>,
) -> Result<(Vec<u8>, Renames), PublishError> {
    rewritten(wasm, rename, false)
}

/// [`renamed`], and without its custom sections when `drop_custom` (what the toolchain notes for
/// tools, `producers` and `target_features`: the browser reads none of them).
fn rewritten(
    wasm: &[u8],
    mut rename: impl FnMut(Entry, &str) -> Option<String>,
    drop_custom: bool,
) -> Result<(Vec<u8>, Renames), PublishError> {
    if wasm.get(..4) != Some(b"\0asm".as_slice()) || wasm.len() < 8 {
        return Err(bad("no wasm header"));
    }
    let mut out = wasm[..8].to_vec();
    let mut pairs = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, start) = leb128::read(wasm, at + 1).ok_or_else(|| bad("a section's size"))?;
        let end =
            start.checked_add(size as usize).filter(|e| *e <= wasm.len()).ok_or_else(|| bad("a section's end"))?;
        let body = &wasm[start..end];
        if id == CUSTOM_SECTION && drop_custom {
            at = end;
            continue;
        }
        if id != IMPORT_SECTION && id != EXPORT_SECTION {
            out.extend_from_slice(&wasm[at..end]);
            at = end;
            continue;
        }
        let (count, mut i) = leb128::read(body, 0).ok_or_else(|| bad("an entry count"))?;
        let mut section = Vec::new();
        leb128::push(&mut section, count);
        for _ in 0..count {
            if id == IMPORT_SECTION {
                let (module, after_module) = name_at(body, i)?;
                push_name(&mut section, module);
                i = after_module;
            }
            let (name, after_name) = name_at(body, i)?;
            let entry = if id == IMPORT_SECTION { Entry::Import } else { Entry::Export };
            match rename(entry, name) {
                Some(new) => {
                    push_name(&mut section, &new);
                    pairs.push((name.to_string(), new));
                }
                None => push_name(&mut section, name),
            }
            let entry_end = match id {
                IMPORT_SECTION => after_import_description(body, after_name)?,
                // The kind byte, then the index.
                _ => leb128::read(body, after_name + 1).ok_or_else(|| bad("an export's index"))?.1,
            };
            section.extend_from_slice(&body[after_name..entry_end]);
            i = entry_end;
        }
        if i != body.len() {
            return Err(bad("a section longer than its entries"));
        }
        out.push(id);
        leb128::push(&mut out, section.len() as u32);
        out.extend_from_slice(&section);
        at = end;
    }
    Ok((out, pairs))
}

/// `js` with every identifier that `names` maps renamed (an identifier being a longest run of
/// letters, digits, `_` and `$`, so no name is renamed inside a longer one).
pub fn renamed_js(js: &str, names: &HashMap<String, String>) -> String {
    let is_part = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(start) = rest.find(is_part) {
        out.push_str(&rest[..start]);
        let run = &rest[start..];
        let end = run.find(|c: char| !is_part(c)).unwrap_or(run.len());
        let word = &run[..end];
        out.push_str(names.get(word).map_or(word, String::as_str));
        rest = &run[end..];
    }
    out.push_str(rest);
    out
}

/// The `n`th short name: `$` and a base-62 number.
fn short(mut n: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = Vec::new();
    loop {
        s.push(DIGITS[n % 62]);
        n /= 62;
        if n == 0 {
            break;
        }
    }
    s.reverse();
    format!("${}", String::from_utf8_lossy(&s))
}

/// Gives the imports of `wasm` and the exports its glue `js` uses short names, and the glue the
/// same ones; the wasm's custom sections go. An export the glue does not name keeps its name (`main`: the glue starts the wasm
/// through `__wbindgen_start`). Every import must be in the glue (one it does not define would stop
/// the wasm from starting): an error otherwise, and for a wasm whose names are short already
/// (published twice).
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), PublishError> {
    let named = identifiers(js);
    let names = wasm_names(wasm)?;
    if let Some((_, missing)) = names.iter().find(|(e, n)| *e == Entry::Import && !named.contains(n.as_str())) {
        return Err(PublishError(format!("the glue does not define the wasm's import {missing:?}")));
    }
    if names.iter().any(|(_, n)| n.starts_with('$')) {
        return Err(PublishError("the wasm's names are short already".into()));
    }
    let mut n = 0;
    let rename = |_, name: &str| {
        (name != "memory" && named.contains(name)).then(|| {
            n += 1;
            short(n - 1)
        })
    };
    let (wasm, pairs) = rewritten(wasm, rename, true)?;
    let names: HashMap<String, String> = pairs.into_iter().collect();
    Ok((wasm, renamed_js(js, &names)))
}

/// The identifiers of `js` (see [`renamed_js`]).
fn identifiers(js: &str) -> std::collections::HashSet<String> {
    js.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// [`shorten`] on the first load's wasm and glue in `dir` (`dashboard-HASH_bg.wasm` and
/// `dashboard-HASH.js`), when their names are not short already. Returns what was done, for the
/// log.
pub fn shorten_first_load(dir: &Path) -> Result<Vec<String>, PublishError> {
    let entries = std::fs::read_dir(dir).map_err(|e| PublishError(format!("cannot list {}: {e}", dir.display())))?;
    let mut done = Vec::new();
    for wasm_path in entries.filter_map(Result::ok).map(|e| e.path()) {
        let file = wasm_path.file_name().map_or_else(String::new, |n| n.to_string_lossy().to_string());
        let Some(stem) = file.strip_prefix("dashboard").and_then(|f| f.strip_suffix("_bg.wasm")) else { continue };
        let js_path = dir.join(format!("dashboard{stem}.js"));
        let read = |p: &Path| std::fs::read(p).map_err(|e| PublishError(format!("cannot read {}: {e}", p.display())));
        let wasm = read(&wasm_path)?;
        let js = String::from_utf8(read(&js_path)?).map_err(|e| PublishError(format!("{}: {e}", js_path.display())))?;
        // Published once already (a rerun on its own output): nothing to do.
        if wasm_names(&wasm)?.iter().any(|(_, n)| n.starts_with('$')) {
            continue;
        }
        let (short_wasm, short_js) = shorten(&wasm, &js)?;
        let write = |p: &Path, b: &[u8]| {
            std::fs::write(p, b).map_err(|e| PublishError(format!("cannot write {}: {e}", p.display())))
        };
        write(&wasm_path, &short_wasm)?;
        write(&js_path, short_js.as_bytes())?;
        done.push(format!("{file}: imports and exports renamed short ({} → {} bytes)", wasm.len(), short_wasm.len()));
    }
    Ok(done)
}

/// Every import and export name of `wasm`, each with its section, imports first.
fn wasm_names(wasm: &[u8]) -> Result<Vec<(Entry, String)>, PublishError> {
    let mut names = Vec::new();
    renamed(wasm, |entry, n| {
        names.push((entry, n.to_string()));
        None
    })?;
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing a function and a table from "./x_bg.js", defining a function and a
    /// memory and exporting them, with a custom section last.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // type section: one type () -> ()
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        // import section
        let mut imports = vec![2u8];
        for (field, desc) in
            [("__wbg_log_0123456789abcdef", vec![0u8, 0]), ("__wbindgen_table", vec![1u8, 0x6f, 1, 2, 9])]
        {
            imports.push(9);
            imports.extend_from_slice(b"./x_bg.js");
            imports.push(field.len() as u8);
            imports.extend_from_slice(field.as_bytes());
            imports.extend_from_slice(&desc);
        }
        m.push(2);
        m.push(imports.len() as u8);
        m.extend_from_slice(&imports);
        // function section: one function of type 0
        m.extend_from_slice(&[3, 2, 1, 0]);
        // memory section: one memory, min 1
        m.extend_from_slice(&[5, 3, 1, 0, 1]);
        // export section: "memory" -> memory 0, "__wbindgen_start" -> func 1
        let mut exports = vec![2u8];
        for (name, kind, index) in [("memory", 2u8, 0u8), ("__wbindgen_start", 0, 1)] {
            exports.push(name.len() as u8);
            exports.extend_from_slice(name.as_bytes());
            exports.extend_from_slice(&[kind, index]);
        }
        m.push(7);
        m.push(exports.len() as u8);
        m.extend_from_slice(&exports);
        // code section: one empty body; custom section "x"
        m.extend_from_slice(&[10, 4, 1, 2, 0, 0x0b, 0, 3, 1, b'x', 9]);
        m
    }

    const JS: &str = "const imports={\"./x_bg.js\":{__wbg_log_0123456789abcdef:function(a){console.log(a)},__wbindgen_table:new WebAssembly.Table({initial:1,element:'externref'})}};function go(w){w.__wbindgen_start();return w.memory}// __wbindgen_start_more stays";

    #[test]
    fn imports_and_exports_get_short_names_in_the_wasm_and_the_glue_alike() {
        let m = module();
        let (wasm, js) = shorten(&m, JS).expect("shortened");
        let names: Vec<String> = wasm_names(&wasm).expect("a module").into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["$0", "$1", "memory", "$2"]);
        assert_eq!(
            js,
            "const imports={\"./x_bg.js\":{$0:function(a){console.log(a)},$1:new WebAssembly.Table({initial:1,element:'externref'})}};function go(w){w.$2();return w.memory}// __wbindgen_start_more stays"
        );
        // Only the two sections changed, and the custom section went: the module is shorter by the
        // names' lengths and that section.
        assert!(wasm.ends_with(&[10, 4, 1, 2, 0, 0x0b]));
        let saved = "__wbg_log_0123456789abcdef".len() + "__wbindgen_table".len() + "__wbindgen_start".len() - 6;
        assert_eq!(m.len() - wasm.len(), saved + 5);
        // Renaming alone keeps the custom section.
        assert!(renamed(&m, |_, _| None).expect("a module").0 == m);
        // Twice: refused (the names are short already).
        assert!(shorten(&wasm, &js).is_err());
    }

    #[test]
    fn an_export_the_glue_does_not_use_keeps_its_name() {
        let js = JS.replace("w.__wbindgen_start();", "").replace("// __wbindgen_start_more stays", "");
        let (wasm, _) = shorten(&module(), &js).expect("shortened");
        let names: Vec<String> = wasm_names(&wasm).expect("a module").into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["$0", "$1", "memory", "__wbindgen_start"]);
    }

    #[test]
    fn a_glue_that_lacks_a_name_the_wasm_imports_is_refused() {
        let without = JS.replace("__wbg_log_0123456789abcdef:function(a){console.log(a)},", "");
        assert!(shorten(&module(), &without).is_err());
    }

    #[test]
    fn short_names_are_unique_identifiers() {
        let names: std::collections::HashSet<String> = (0..5000).map(short).collect();
        assert_eq!(names.len(), 5000);
        assert!(names.iter().all(|n| n.starts_with('$') && n[1..].chars().all(|c| c.is_ascii_alphanumeric())));
        assert_eq!((short(0), short(61), short(62)), ("$0".into(), "$Z".into(), "$10".into()));
    }

    #[test]
    fn bytes_that_are_not_a_module_are_refused() {
        assert!(renamed(b"not wasm", |_, _| None).is_err());
        let mut cut = module();
        cut.truncate(30);
        assert!(renamed(&cut, |_, _| None).is_err());
    }
}
