//! Ranks (competition ranks among siblings and within a kind) and the orders the tables read.

use super::*;

/// Competition ranks (1, 2, 2, 4) on the rounded scores, among units with the same parent.
pub(super) fn rank(results: &mut [UnitResult], parent_of: &[Option<usize>], rules: &RuleSet) {
    let mut siblings: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for (u, p) in parent_of.iter().enumerate() {
        siblings.entry(*p).or_default().push(u);
    }
    let has_units_below: Vec<bool> = (0..results.len()).map(|u| parent_of.contains(&Some(u))).collect();
    for members in siblings.values() {
        if let [alone] = members[..] {
            if has_units_below[alone] {
                continue;
            }
        }
        let totals = competition_ranks(members.iter().map(|&u| points_to_hundredths(results[u].total)));
        for (&u, r) in members.iter().zip(totals) {
            results[u].rank = Some(r);
        }
        for g in 0..rules.groups.len() {
            let ranks = competition_ranks(members.iter().map(|&u| points_to_hundredths(results[u].groups[g].score)));
            for (&u, r) in members.iter().zip(ranks) {
                results[u].groups[g].rank = Some(r);
            }
        }
    }
}

/// Competition ranks on the rounded totals among the units of each kind, whatever their parent
/// (the whole is not ranked).
pub(super) fn rank_by_kind(results: &mut [UnitResult]) {
    let mut kinds: HashMap<String, Vec<usize>> = HashMap::new();
    for (u, r) in results.iter().enumerate().filter(|(_, r)| !r.is_whole()) {
        if let Some(kind) = &r.kind {
            kinds.entry(fold_words(kind)).or_default().push(u);
        }
    }
    for members in kinds.values() {
        let ranks = competition_ranks(members.iter().map(|&u| points_to_hundredths(results[u].total)));
        for (&u, r) in members.iter().zip(ranks) {
            results[u].kind_rank = Some(r);
        }
    }
}

/// 1 + how many values are strictly higher, for each value.
fn competition_ranks(values: impl Iterator<Item = i64>) -> Vec<usize> {
    let values: Vec<i64> = values.collect();
    let mut sorted = values.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    values.iter().map(|v| 1 + sorted.partition_point(|x| x > v)).collect()
}

impl Scores {
    /// The whole the other units make up (its own row, or pooled from them): the one unit left
    /// unranked above them. The letter, the appendix, the overview and the exports all take it
    /// from here, so that they cannot name different wholes.
    pub fn whole(&self) -> Option<&UnitResult> {
        let mut wholes = self.units.iter().filter(|u| u.is_whole() && u.parent.is_none());
        wholes.next().filter(|_| wholes.next().is_none())
    }

    /// Every unit, A to Z by name as a person looks one up (without regard to case or diacritics).
    pub fn a_to_z(&self) -> Vec<&UnitResult> {
        let mut units: Vec<(String, &UnitResult)> = self.units.iter().map(|u| (fold_words(&u.name), u)).collect();
        units.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        units.into_iter().map(|(_, u)| u).collect()
    }

    /// Each group's average score over the units with the same parent as `unit` (itself left
    /// out), in group order: what its chart compares it with; 0 where it has no peers.
    pub fn peer_averages(&self, unit: &UnitResult) -> Vec<f64> {
        let peers: Vec<&UnitResult> =
            self.units.iter().filter(|x| x.parent == unit.parent && x.name != unit.name).collect();
        unit.groups
            .iter()
            .map(|g| {
                let sum: f64 = peers.iter().filter_map(|p| p.group(&g.code)).map(|x| x.score).sum();
                if peers.is_empty() {
                    0.0
                } else {
                    sum / peers.len() as f64
                }
            })
            .collect()
    }

    /// Whether a row must name its unit's parent: only when the units belong to more than one
    /// (with one, the whole heads the table and every row would repeat it).
    pub fn parents_differ(&self) -> bool {
        let mut parents = self.units.iter().filter_map(|u| u.parent.as_deref().map(fold_words));
        parents.next().is_some_and(|first| parents.any(|p| p != first))
    }

    /// The kinds of the units ranked (the whole is not), in reading order of their first unit.
    pub fn kinds(&self) -> Vec<String> {
        let mut kinds: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for i in self.ranked_order() {
            let u = &self.units[i];
            if let (Some(kind), false) = (&u.kind, u.is_whole()) {
                if seen.insert(fold_words(kind)) {
                    kinds.push(kind.clone());
                }
            }
        }
        kinds
    }

    /// The ranking's rows: sorted by `sort` (the total: the hierarchy by rank; or a group),
    /// and, with a kind, only its units by their rank within it (the portal's ranking apart).
    pub fn order(&self, sort: &RankBy, kind: Option<&str>) -> Vec<usize> {
        let mut order = match sort {
            RankBy::Total => self.ranked_order(),
            RankBy::Group(code) => self.order_by_group(code),
        };
        if let Some(kind) = kind.map(fold_words) {
            let of_kind = |i: &usize| {
                let u = &self.units[*i];
                !u.is_whole() && u.kind.as_deref().map(fold_words).as_ref() == Some(&kind)
            };
            order.retain(of_kind);
            if *sort == RankBy::Total {
                // Stable: equal ranks keep reading order.
                order.sort_by_key(|&i| self.units[i].kind_rank);
            }
        }
        order
    }

    /// `order` without the units whose name does not hold `query`, without regard to case or
    /// diacritics («ba vi» finds «UBND xã Ba Vì»); an empty query keeps every unit.
    pub fn named(&self, mut order: Vec<usize>, query: &str) -> Vec<usize> {
        let query = fold_words(query);
        if !query.is_empty() {
            order.retain(|&i| fold_words(&self.units[i].name).contains(&query));
        }
        order
    }

    /// Units by one group's score, highest first (then in reading order), the whole above them.
    pub fn order_by_group(&self, code: &str) -> Vec<usize> {
        let score = |i: usize| self.units[i].group(code).map_or(0.0, |g| g.score);
        let mut order: Vec<usize> = (0..self.units.len()).collect();
        order.sort_by(|&a, &b| {
            let whole = |i: usize| !self.units[i].is_whole();
            whole(a).cmp(&whole(b)).then_with(|| score(b).total_cmp(&score(a))).then_with(|| a.cmp(&b))
        });
        order
    }

    /// Whether some unit lacks figures for some criterion (some group's coverage is then not
    /// full, and the ranking marks it).
    pub fn lacks_figures(&self) -> bool {
        self.units.iter().any(|u| u.criteria.iter().any(CriterionResult::without_data))
    }

    /// Units in reading order for tables and exports: top-level units by rank, each followed by
    /// the units under it, by rank.
    pub fn ranked_order(&self) -> Vec<usize> {
        if self.ranked.len() == self.units.len() {
            self.ranked.clone()
        } else {
            self.hierarchy()
        }
    }

    pub(super) fn hierarchy(&self) -> Vec<usize> {
        let key = |u: &UnitResult| u.parent.as_deref().map(fold_words);
        let mut children: HashMap<Option<String>, Vec<usize>> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            children.entry(key(u)).or_default().push(i);
        }
        for list in children.values_mut() {
            list.sort_by_key(|&i| (self.units[i].rank.unwrap_or(0), i));
        }
        let mut order = Vec::with_capacity(self.units.len());
        let mut placed = vec![false; self.units.len()];
        let mut stack: Vec<usize> = children.get(&None).map(|l| l.iter().rev().copied().collect()).unwrap_or_default();
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut placed[i], true) {
                continue;
            }
            order.push(i);
            if let Some(list) = children.get(&Some(fold_words(&self.units[i].name))) {
                stack.extend(list.iter().rev().copied());
            }
        }
        // Anything not reached (a broken parent link) still appears, at the end.
        order.extend((0..self.units.len()).filter(|&i| !placed[i]));
        order
    }
}
