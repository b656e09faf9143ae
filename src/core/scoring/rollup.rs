//! Scoring every unit: its own figures, a province-level criterion taken from above, what a parent
//! without a row pools from the units under it.

use super::ranks::{rank, rank_by_kind};
use super::*;

/// Scores every unit. A unit's own figures stand; parents named in `Đơn vị cấp trên` without a
/// row of their own (or without a criterion in it) pool the counts of the units under them (sums
/// of numerators over sums of denominators, never an average of scores); province-level criteria
/// missing on a unit are taken unchanged from its nearest ancestor that has them. Ranks are
/// competition ranks among units with the same parent.
pub fn score_units(rows: &[UnitRow], rules: &RuleSet) -> Scores {
    let mut warnings = Vec::new();
    let mut units: Vec<UnitRow> = rows.to_vec();
    let mut index: HashMap<String, usize> = units.iter().enumerate().map(|(i, u)| (match_key(&u.name), i)).collect();

    add_missing_parents(&mut units, &mut index, &mut warnings);
    let synthetic_from = rows.len();

    let Family { parent_of, ancestors, descendants } = family(&units, &index, &mut warnings);

    let mut results: Vec<UnitResult> = Vec::with_capacity(units.len());
    for u in 0..units.len() {
        let unit = &units[u];
        let score_only = !unit.group_scores.is_empty() && unit.figures.is_empty();
        let criteria: Vec<CriterionResult> = if score_only {
            Vec::new()
        } else {
            rules
                .criteria
                .iter()
                .map(|c| {
                    let (figure, source, origin) = figure_for(c, u, &units, &descendants[u], &ancestors[u]);
                    CriterionResult { origin, ..score_criterion(c, figure.as_ref(), source) }
                })
                .collect()
        };
        let groups = rules
            .groups
            .iter()
            .map(|g| {
                let h = if score_only {
                    points_to_hundredths(unit.group_scores.get(&g.code).copied().unwrap_or(0.0))
                } else {
                    let members = rules.criteria.iter().zip(&criteria).filter(|(c, _)| c.group == g.code);
                    members.map(|(_, r)| points_to_hundredths(r.score.unwrap_or(0.0))).sum()
                };
                GroupResult { code: g.code.clone(), score: hundredths_to_points(h), max: g.max, rank: None }
            })
            .collect::<Vec<_>>();
        let total = match (score_only, unit.total_score) {
            (true, Some(t)) => t,
            _ => hundredths_to_points(groups.iter().map(|g| points_to_hundredths(g.score)).sum()),
        };
        results.push(UnitResult {
            name: unit.name.clone(),
            parent: parent_of[u].map(|p| units[p].name.clone()),
            kind: crate::core::layout::kind::kind_of(&unit.name, unit.kind.as_deref()),
            period: unit.period.clone(),
            source: (u < synthetic_from).then(|| unit.source.clone()),
            criteria,
            tracked: pooled_tracked(rules, u, &units, &descendants[u]),
            groups,
            total,
            rank: None,
            kind_rank: None,
        });
    }
    rank(&mut results, &parent_of, rules);
    rank_by_kind(&mut results);
    let mut scores = Scores { units: results, warnings, ranked: Vec::new() };
    scores.ranked = scores.hierarchy();
    scores
}

/// Parents named in `Đơn vị cấp trên` without a row of their own become units made of their
/// children, each said in a warning.
fn add_missing_parents(units: &mut Vec<UnitRow>, index: &mut HashMap<String, usize>, warnings: &mut Vec<ScoreWarning>) {
    let mut i = 0;
    while i < units.len() {
        if let Some(parent) = units[i].parent.clone() {
            if let std::collections::hash_map::Entry::Vacant(slot) = index.entry(match_key(&parent)) {
                slot.insert(units.len());
                warnings.push(ScoreWarning::ParentWithoutRow { parent: parent.clone() });
                units.push(UnitRow {
                    name: parent,
                    kind: None,
                    parent: None,
                    period: units[i].period.clone(),
                    source: Place::default(),
                    figures: BTreeMap::new(),
                    tracked: BTreeMap::new(),
                    group_scores: BTreeMap::new(),
                    total_score: None,
                    origins: Default::default(),
                });
            }
        }
        i += 1;
    }
}

/// Who stands above and below each unit (by index), a cycle broken where it closes.
struct Family {
    parent_of: Vec<Option<usize>>,
    ancestors: Vec<Vec<usize>>,
    descendants: Vec<Vec<usize>>,
}

fn family(units: &[UnitRow], index: &HashMap<String, usize>, warnings: &mut Vec<ScoreWarning>) -> Family {
    let mut parent_of: Vec<Option<usize>> =
        units.iter().map(|u| u.parent.as_ref().and_then(|p| index.get(&match_key(p)).copied())).collect();
    for u in 0..units.len() {
        let mut seen = vec![u];
        let mut at = parent_of[u];
        while let Some(p) = at {
            if seen.contains(&p) {
                warnings.push(ScoreWarning::ParentCycle { unit: units[u].name.clone() });
                parent_of[u] = None;
                break;
            }
            seen.push(p);
            at = parent_of[p];
        }
    }
    let ancestors: Vec<Vec<usize>> = (0..units.len())
        .map(|u| {
            let mut out = Vec::new();
            let mut at = parent_of[u];
            while let Some(p) = at {
                out.push(p);
                at = parent_of[p];
            }
            out
        })
        .collect();
    let mut descendants: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for (u, list) in ancestors.iter().enumerate() {
        for &a in list {
            descendants[a].push(u);
        }
    }
    Family { parent_of, ancestors, descendants }
}

/// The figure a criterion is scored on, where it came from, and which loaded source gave it. A
/// unit's own row is its figure — a province's or a town's row is already the whole of it, as the
/// portal publishes it —, a province-level criterion it lacks is its nearest ancestor's, and
/// whatever else it lacks is pooled from the units under it (a parent without a row, or a row
/// without that criterion).
fn figure_for(
    c: &Criterion,
    u: usize,
    units: &[UnitRow],
    descendants: &[usize],
    ancestors: &[usize],
) -> (Option<Figure>, Source, Option<Origin>) {
    let own = units[u].figures.get(&c.code).copied();
    let origin = |i: usize| units[i].origins.get(&c.code).cloned();
    if own.is_some() || descendants.is_empty() && c.level != Level::Province {
        return (own, Source::Own, origin(u));
    }
    if c.level == Level::Province {
        for &a in ancestors {
            if let Some(f) = units[a].figures.get(&c.code) {
                return (Some(*f), Source::Inherited(units[a].name.clone()), origin(a));
            }
        }
        // A whole that nobody above gives the province's figures pools its units' own counts
        // like any other criterion, as the portal publishes it (the seed town's CKMB 7,3).
    }
    match pool(descendants.iter().filter_map(|&i| units[i].figures.get(&c.code).copied())) {
        Some(f) => (Some(f), Source::Pooled, pooled_origin(descendants.iter().filter_map(|&i| origin(i)))),
        None => (own, Source::Own, origin(u)),
    }
}

/// Where a pooled figure came from: the source its parts share (and their file, when one), `None`
/// when they came from different sources.
fn pooled_origin(mut parts: impl Iterator<Item = Origin>) -> Option<Origin> {
    let first = parts.next()?;
    let mut file = Some(first.file.clone());
    for o in parts {
        if o.source != first.source {
            return None;
        }
        if file.as_deref() != Some(o.file.as_str()) {
            file = None;
        }
    }
    Some(Origin { file: file.unwrap_or_default(), denominator: None, via: None, others: Vec::new(), ..first })
}

/// Sums the counts of the figures that have both parts and are not in error; `None` when none has.
pub fn pool(figures: impl IntoIterator<Item = Figure>) -> Option<Figure> {
    let mut total: Option<(f64, f64)> = None;
    for f in figures {
        if let (Some(n), Some(d)) = (f.numerator, f.denominator) {
            if n <= d {
                let (tn, td) = total.unwrap_or((0.0, 0.0));
                total = Some((tn + n, td + d));
            }
        }
    }
    total.map(|(n, d)| Figure { numerator: Some(n), denominator: Some(d), rate: None })
}

fn pooled_tracked(rules: &RuleSet, u: usize, units: &[UnitRow], descendants: &[usize]) -> BTreeMap<String, Figure> {
    let mut out = units[u].tracked.clone();
    if descendants.is_empty() {
        return out;
    }
    let members = || std::iter::once(u).chain(descendants.iter().copied());
    for t in &rules.tracked {
        let pooled = match t.kind {
            TrackedKind::Ratio => pool(members().filter_map(|i| units[i].tracked.get(&t.code).copied())),
            TrackedKind::Count => {
                let values: Vec<f64> =
                    members().filter_map(|i| units[i].tracked.get(&t.code).and_then(|f| f.numerator)).collect();
                (!values.is_empty()).then(|| Figure { numerator: Some(values.iter().sum()), ..Figure::default() })
            }
            // An average cannot be pooled without its weights: the unit's own value stands.
            TrackedKind::Value => None,
        };
        if let Some(f) = pooled {
            out.insert(t.code.clone(), f);
        }
    }
    out
}
