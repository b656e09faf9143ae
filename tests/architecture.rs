//! The one-way flow of `src/core`, checked: every module (a folder or file of `src/core`) is a stage (docs/architecture.md
//! draws them), and no module imports one of a later stage. Imports are read from the source
//! (`crate::core::<module>`), tests apart: a test may use anything.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The stages of `src/core` (its folders and files), in the order data flows through them.
const STAGES: &[&str] = &[
    "model", "rules", "read", "layout", "figures", "scoring", "dossier", "analysis", "insight", "report", "present",
    "engine",
];

fn stage(module: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == module)
}

/// `file`'s source without its test module (the convention here: `#[cfg(test)]` then the
/// module, at the end of the file).
fn code(file: &Path) -> String {
    let text = fs::read_to_string(file).unwrap();
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The `src/core` modules `source` imports.
fn imports(source: &str) -> BTreeSet<String> {
    source
        .match_indices("crate::core::")
        .map(|(at, prefix)| {
            source[at + prefix.len()..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
        })
        .collect()
}

/// Every `.rs` file under `dir`, by its path relative to `root`.
fn files(root: &Path, dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(root, &path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn no_module_imports_a_later_stage() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut found = Vec::new();
    files(&root, &root, &mut found);
    let mut back = Vec::new();
    let mut unstaged = Vec::new();
    for file in found.iter().filter(|f| *f != "mod.rs" && !f.ends_with("/tests.rs")) {
        let module = file.split('/').next().unwrap().trim_end_matches(".rs");
        let Some(own) = stage(module) else {
            unstaged.push(file.clone());
            continue;
        };
        for imported in imports(&code(&root.join(file))) {
            match stage(&imported) {
                Some(theirs) if theirs > own => back.push((file.clone(), imported)),
                Some(_) => {}
                None => unstaged.push(format!("{imported} (imported by {file})")),
            }
        }
    }
    assert_eq!(unstaged, Vec::<String>::new(), "modules without a stage: add them to STAGES and docs/architecture.md");
    assert_eq!(back, Vec::<(String, String)>::new(), "imports running back up (file, the later module it imports)");
}

#[test]
fn the_check_sees_an_import_and_its_stage() {
    let source = "use crate::core::model::table::Sheet;\nfn f() { crate::core::report::file_stem(x, y) }\n";
    assert_eq!(imports(source), BTreeSet::from(["model".to_string(), "report".to_string()]));
    assert!(stage("model") < stage("report"));
    assert_eq!(stage("nowhere"), None);
}
