//! `publish_facts <dir>`: writes `<dir>/facts.json` and `<dir>/facts.csv` from the built-in
//! catalogue (`indicator_dashboard::facts::CATALOGUE`). Native only; an empty program on wasm32.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use indicator_dashboard::facts::{export, CATALOGUE};
    use std::path::PathBuf;
    use std::process::exit;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = match args.as_slice() {
        [dir] if dir != "-h" && dir != "--help" => PathBuf::from(dir),
        _ => {
            eprintln!("usage: publish_facts <dir>   (writes <dir>/facts.json and <dir>/facts.csv)");
            exit(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("publish_facts: cannot create {}: {e}", dir.display());
        exit(1);
    }
    for (name, text) in [("facts.json", export::to_json(&CATALOGUE)), ("facts.csv", export::to_csv(&CATALOGUE))] {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("publish_facts: cannot write {}: {e}", path.display());
            exit(1);
        }
        println!("wrote {} ({} facts)", path.display(), CATALOGUE.facts.len());
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
