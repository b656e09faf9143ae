//! The kind of a unit: the portal ranks provincial departments and communes apart. A table's
//! `Loại đơn vị` says it; otherwise the name does («Sở Tư pháp», «UBND xã Tân Tiến»).

use crate::core::model::lang::Lang;
use crate::core::model::text::fold_words;

/// How the whole is named above its units: «UBND thị xã An Hòa» stands as «Toàn thị xã An Hòa».
pub fn whole_label(name: &str, lang: Lang) -> String {
    let lower = name.to_lowercase();
    let bare = ["ubnd ", "ủy ban nhân dân ", "uỷ ban nhân dân "]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(name, |p| name[p.len()..].trim_start());
    match lang {
        Lang::Vi => {
            let mut chars = bare.chars();
            let first = chars.next().map(|c| c.to_lowercase().collect::<String>()).unwrap_or_default();
            format!("Toàn {first}{}", chars.as_str())
        }
        Lang::En => format!("All of {bare}"),
    }
}

/// Whether a name is a unit's rather than a field's: «UBND …», «Sở …», «Phòng …», «Văn phòng …»,
/// «Ban …», «Chi cục …», «Trung tâm …», «Công an …», «Thanh tra …», a commune, a district or a
/// province. A settlement report's rows under «Lĩnh vực, công việc giải quyết theo cấp» may be
/// either («Phòng Tư pháp» is a unit, «Hộ tịch» a field).
pub fn is_unit_name(name: &str) -> bool {
    const UNITS: [&str; 21] = [
        "ubnd ",
        "uy ban nhan dan ",
        "so ",
        "phong ",
        "van phong ",
        "ban ",
        "chi cuc ",
        "cuc ",
        "trung tam ",
        "cong an ",
        "thanh tra ",
        "bo chi huy ",
        "xa ",
        "phuong ",
        "thi tran ",
        "dac khu ",
        "huyen ",
        "quan ",
        "thi xa ",
        "thanh pho ",
        "tinh ",
    ];
    let words = fold_words(name);
    UNITS.iter().any(|p| words.starts_with(p))
}

/// What the portal groups with the departments (its `AGENCY`, against `COMMUNE`): sở, ban, the
/// inspectorate, the public administration service centre, management boards, offices and the
/// provincial police and command.
const AGENCIES: [&str; 10] = [
    "so ",
    "ban ",
    "thanh tra ",
    "trung tam phuc vu hanh chinh cong",
    "trung tam hanh chinh cong",
    "van phong ",
    "cong an tinh",
    "bo chi huy quan su tinh",
    "chi cuc ",
    "cuc ",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// UBND tỉnh / thành phố trực thuộc trung ương.
    Province,
    /// Sở, ban, ngành and other provincial agencies.
    Department,
    /// UBND huyện, quận, thị xã (the district level, before mid-2025).
    District,
    /// UBND xã, phường, thị trấn.
    Commune,
}

impl Kind {
    /// The kind a unit's name shows, when it shows one. «UBND thành phố …» is left alone: it may
    /// be a province-level city or a district-level one.
    pub fn infer(name: &str) -> Option<Kind> {
        let words = fold_words(name);
        let bare = ["ubnd ", "uy ban nhan dan "].iter().find_map(|p| words.strip_prefix(p)).unwrap_or(&words);
        let starts = |prefixes: &[&str]| prefixes.iter().any(|p| bare.starts_with(p));
        if starts(&["xa ", "phuong ", "thi tran ", "dac khu "]) {
            Some(Kind::Commune)
        } else if starts(&["huyen ", "quan ", "thi xa "]) {
            Some(Kind::District)
        } else if starts(&["tinh "]) {
            Some(Kind::Province)
        } else if bare == words && starts(&AGENCIES) {
            Some(Kind::Department)
        } else {
            None
        }
    }

    /// The kind a `Loại đơn vị` cell names in words offices use: «Xã», «Phường» and «Thị trấn»
    /// are all the commune level, as the portal ranks them together; «Thị xã», «Huyện» and
    /// «Quận» the district level; «Sở», «Ban», «Ngành» the provincial agencies; «Tỉnh»; and the
    /// portal's codes 1, 2, 3.
    pub fn stated(text: &str) -> Option<Kind> {
        let words = fold_words(text);
        // The portal's LOAI_COQUAN: 1 a province, 2 a department, 3 a commune.
        match words.as_str() {
            "1" => return Some(Kind::Province),
            "2" => return Some(Kind::Department),
            "3" => return Some(Kind::Commune),
            _ => {}
        }
        let is = |names: &[&str]| names.iter().any(|n| words == *n || words.starts_with(&format!("{n} ")));
        if is(&["xa", "phuong", "thi tran", "dac khu", "cap xa"]) {
            Some(Kind::Commune)
        } else if is(&["huyen", "quan", "thi xa", "cap huyen"]) {
            Some(Kind::District)
        } else if is(&["so", "ban", "nganh", "so ban nganh", "co quan chuyen mon"]) {
            Some(Kind::Department)
        } else if is(&["tinh", "cap tinh"]) {
            Some(Kind::Province)
        } else {
            None
        }
    }

    /// One label per kind, for the screen and the exports alike.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Province, Lang::Vi) => "Cấp tỉnh",
            (Kind::Province, Lang::En) => "Province",
            (Kind::Department, Lang::Vi) => "Sở, ban, ngành",
            (Kind::Department, Lang::En) => "Departments and agencies",
            (Kind::District, Lang::Vi) => "Cấp huyện",
            (Kind::District, Lang::En) => "Districts",
            (Kind::Commune, Lang::Vi) => "Cấp xã",
            (Kind::Commune, Lang::En) => "Communes and wards",
        }
    }
}

/// A unit's kind as shown: what its table says (in the kind's own label when it names one, so
/// that «Xã» and «Phường» rank together), else what its name shows.
pub fn kind_of(name: &str, stated: Option<&str>) -> Option<String> {
    match stated.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Some(Kind::stated(text).map_or(text.to_string(), |k| k.label(Lang::Vi).to_string())),
        None => Kind::infer(name).map(|k| k.label(Lang::Vi).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_kinds_are_read_as_the_portal_groups_them() {
        let of = |stated: &str| kind_of("UBND An Lạc", Some(stated));
        assert_eq!(of("Phường"), of("Xã"));
        assert_eq!(of("Xã").as_deref(), Some("Cấp xã"));
        assert_eq!(of("thị trấn").as_deref(), Some("Cấp xã"));
        assert_eq!(of("Thị xã").as_deref(), Some("Cấp huyện"));
        assert_eq!(of("Sở, ban, ngành").as_deref(), Some("Sở, ban, ngành"));
        assert_eq!(of("Đơn vị sự nghiệp").as_deref(), Some("Đơn vị sự nghiệp"), "kept as written");
        assert_eq!(kind_of("UBND xã Tân Tiến", Some("  ")).as_deref(), Some("Cấp xã"), "blank: from the name");
    }

    #[test]
    fn the_whole_is_named_as_all_of_it() {
        assert_eq!(whole_label("UBND thị xã An Hòa", Lang::Vi), "Toàn thị xã An Hòa");
        assert_eq!(whole_label("Ủy ban nhân dân Tỉnh Đắk Lắk", Lang::Vi), "Toàn tỉnh Đắk Lắk");
        assert_eq!(whole_label("Tỉnh Gia Lai", Lang::Vi), "Toàn tỉnh Gia Lai");
        assert_eq!(whole_label("UBND thị xã An Hòa", Lang::En), "All of thị xã An Hòa");
    }

    #[test]
    fn kinds_from_names_as_units_are_written() {
        assert_eq!(Kind::infer("Sở Tư pháp"), Some(Kind::Department));
        assert_eq!(Kind::infer("Ban Quản lý các khu công nghiệp"), Some(Kind::Department));
        assert_eq!(Kind::infer("UBND xã Tân Tiến"), Some(Kind::Commune));
        assert_eq!(Kind::infer("Ủy ban nhân dân phường Phan Đình Phùng"), Some(Kind::Commune));
        assert_eq!(Kind::infer("UBND thị trấn Như Quỳnh"), Some(Kind::Commune));
        assert_eq!(Kind::infer("UBND thị xã Mỹ Hào"), Some(Kind::District));
        assert_eq!(Kind::infer("UBND tỉnh Hưng Yên"), Some(Kind::Province));
        assert_eq!(Kind::infer("Thanh tra tỉnh"), Some(Kind::Department));
        assert_eq!(Kind::infer("Trung tâm Phục vụ hành chính công tỉnh"), Some(Kind::Department));
        assert_eq!(Kind::infer("Ban Quản lý khu kinh tế"), Some(Kind::Department));
        assert_eq!(Kind::infer("Văn phòng UBND tỉnh"), Some(Kind::Department));
        assert_eq!(Kind::infer("UBND Thành phố Hà Nội"), None);
        assert_eq!(Kind::infer("UBND sở gì đó"), None);
        assert_eq!(kind_of("Sở Xây dựng", Some("Cơ quan ngành dọc")).as_deref(), Some("Cơ quan ngành dọc"));
        assert_eq!(kind_of("Sở Xây dựng", None).as_deref(), Some("Sở, ban, ngành"));
    }
}
