//! `publish_facts <dir>`: drops the exports no one uses from the built wasm files
//! (`publish::unused_exports`) and gives the first load's wasm and glue short names for what each
//! gives the other (`publish::short_names`); writes `<dir>/facts.json` and `<dir>/facts.csv` with every report's
//! facts, the Atom feed `<dir>/feed.xml` (`publish::feed`), and every report's data and file
//! (`publish::reports`); then, when `<dir>/index.html`
//! exists (the Trunk post_build hook passes `$TRUNK_STAGING_DIR`), writes every report's page from
//! it, each with its Content-Security-Policy meta, and the self-contained `<dir>/offline.html`
//! (see the `publish` crate).

fn main() {
    use catalogue::{export, reports_index, REPORTS, SITE};
    use std::path::PathBuf;
    use std::process::exit;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = match args.as_slice() {
        [dir] if dir != "-h" && dir != "--help" => PathBuf::from(dir),
        _ => {
            eprintln!("usage: publish_facts <dir>   (writes <dir>/facts.json, <dir>/facts.csv and <dir>/feed.xml; with <dir>/index.html, adds its CSP and writes <dir>/offline.html)");
            exit(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("publish_facts: cannot create {}: {e}", dir.display());
        exit(1);
    }
    // First, before any page or the offline copy takes a wasm file in: the code of the streams no
    // one makes (`publish::unused_exports`).
    match publish::unused_exports::strip_unused_stream_exports(&dir) {
        Ok(done) => done.iter().for_each(|d| println!("{d}")),
        Err(e) => {
            eprintln!("publish_facts: {e}");
            exit(1);
        }
    }
    // Then the first load's wasm and glue, with short names for what each gives the other
    // (`publish::short_names`), also before any page or the offline copy takes them in.
    match publish::short_names::shorten_first_load(&dir) {
        Ok(done) => done.iter().for_each(|d| println!("{d}")),
        Err(e) => {
            eprintln!("publish_facts: {e}");
            exit(1);
        }
    }
    let facts: usize = REPORTS.iter().map(|r| r.catalogue.facts.len()).sum();
    for (name, text) in
        [("facts.json", export::to_json_all(&REPORTS, "")), ("facts.csv", export::to_csv_all(&REPORTS, ""))]
    {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("publish_facts: cannot write {}: {e}", path.display());
            exit(1);
        }
        println!("wrote {} ({facts} facts of {} report(s))", path.display(), REPORTS.len());
    }
    for (name, text) in publish::reports::schemas() {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("publish_facts: cannot write {}: {e}", path.display());
            exit(1);
        }
        println!("wrote {} (JSON Schema, schema version {})", path.display(), catalogue::SCHEMA);
    }
    // The Atom feed of the reports and their revisions (`publish::feed`), at the site's root.
    let feed_path = dir.join(publish::feed::FEED_FILE);
    if let Err(e) = std::fs::write(&feed_path, publish::feed::atom(&REPORTS, &SITE)) {
        eprintln!("publish_facts: cannot write {}: {e}", feed_path.display());
        exit(1);
    }
    println!(
        "wrote {} (Atom feed: {} report(s), {} revision(s))",
        feed_path.display(),
        REPORTS.len(),
        catalogue::revisions::revisions(&REPORTS).len()
    );
    match publish::reports::write(&dir, &REPORTS, reports_index()) {
        Ok(0) => {}
        Ok(n) => {
            println!(
                "wrote {n} files under {} (each report's data and file, and their index)",
                dir.join("reports").display()
            )
        }
        Err(e) => {
            eprintln!("publish_facts: {e}");
            exit(1);
        }
    }
    if dir.join("index.html").is_file() {
        match publish::publish_pages(&dir) {
            Ok(p) => {
                match p.index_policy {
                    Some(policy) => println!("index.html: Content-Security-Policy: {policy}"),
                    None => println!(
                        "index.html: no Content-Security-Policy in a trunk serve build (its live-reload \
                         script is rewritten per request and cannot be hashed); trunk build pages have one"
                    ),
                }
                println!("wrote the report pages: {}", p.pages.join(", "));
                println!("wrote {} facts' source panels (facts/ID.html, facts/ID.en.html)", p.panels);
                println!("wrote {} ({} bytes)", dir.join("offline.html").display(), p.offline_bytes);
            }
            Err(e) => {
                eprintln!("publish_facts: {}: {e}", dir.display());
                exit(1);
            }
        }
    }
}
