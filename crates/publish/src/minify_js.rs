//! The JS files beside the page (wasm-bindgen's glue), minified with oxc. Trunk's own minifier
//! (minify-js) cannot parse the glue's `export { … as default }` and leaves it as written, 0.8 KB
//! gzipped more on the first load.

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions, CommentOptions};
use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};

use crate::PublishError;

/// `js` minified: a module if it has exports (the first-load glue), else a classic script (the
/// on-demand module's, whose top-level `wasm_bindgen` the page calls by name). Top-level names
/// are kept in both, so every name another file uses stays as it is.
pub fn minify(js: &str) -> Result<String, PublishError> {
    minify_as(js, js.lines().any(|l| l.starts_with("export ")))
}

/// `js` minified as a module (`module`) or a classic script, top-level names kept. The same text
/// always gives the same output (Trunk's minify-js did not: see Trunk.toml).
pub fn minify_as(js: &str, module: bool) -> Result<String, PublishError> {
    let source_type = if module { SourceType::mjs() } else { SourceType::script() };
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, js, source_type).parse();
    if let Some(first) = parsed.diagnostics.first() {
        return Err(PublishError(format!("JS does not parse: {first}")));
    }
    let mut program = parsed.program;
    let options = MinifierOptions {
        mangle: Some(MangleOptions::default()),
        mangle_properties: None,
        compress: Some(CompressOptions::default()),
    };
    let minified = Minifier::new(options).minify(&allocator, &mut program);
    let codegen = CodegenOptions { minify: true, comments: CommentOptions::disabled(), ..CodegenOptions::default() };
    Ok(Codegen::new().with_options(codegen).with_scoping(minified.scoping).build(&program).code)
}

/// The byte ranges of a module's top-level statements, in order.
pub fn top_level_statements(js: &str) -> Result<Vec<(usize, usize)>, PublishError> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, js, SourceType::mjs()).parse();
    if let Some(first) = parsed.diagnostics.first() {
        return Err(PublishError(format!("JS does not parse: {first}")));
    }
    Ok(parsed.program.body.iter().map(|s| (s.span().start as usize, s.span().end as usize)).collect())
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn a_module_keeps_its_exports_and_a_script_its_top_level_names() {
        let module = "let wasm;\nfunction helper(longName) {\n    // why\n    return longName + 1;\n}\nexport function start(a) {\n    return helper(a);\n}\nasync function __wbg_init(p) { return p; }\nexport { __wbg_init as default };\n";
        let out = minify(module).expect("minified");
        assert!(out.len() < module.len() && !out.contains("// why") && !out.contains("longName"), "{out}");
        assert!(out.contains("start") && out.contains("as default"), "{out}");
        let script = "let wasm_bindgen = (function () {\n    const localThing = 1;\n    return localThing;\n})();\n";
        let out = minify(script).expect("minified");
        assert!(out.contains("wasm_bindgen") && !out.contains("localThing"), "{out}");
        assert!(minify("let = ;").is_err());
    }

    #[test]
    fn a_loader_module_without_exports_is_minified_as_one() {
        let loader = "import init, * as bindings from './app-1a2b.js';\nconst wasm = await init({ module_or_path: './app-1a2b_bg.wasm' });\nwindow.wasmBindings = bindings;\n";
        let out = super::minify_as(loader, true).expect("minified");
        assert!(out.len() < loader.len() && out.contains("app-1a2b.js") && out.contains("wasmBindings"), "{out}");
        assert!(super::minify_as(loader, false).is_err(), "a classic script cannot import");
        assert_eq!(out, super::minify_as(loader, true).expect("minified"), "the same output every time");
    }
}
