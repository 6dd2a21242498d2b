//! Claim ids from free text: the ids `suggest` drafts and the id a claim file is told to
//! use instead of an invalid one, made by one function.

/// The ASCII letters and digits of `s`, lowercased, each run of other characters one `-`
/// (none at either end). With `fold_accents` an accented Latin letter counts as its base
/// letter ("Sébastien" -> "sebastien"), else as a separator. The one home of id slugs: the
/// ids of a draft and the id a claim file is told to use instead of an invalid one.
pub(crate) fn id_slug(s: &str, fold_accents: bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = if fold_accents { unaccented(c) } else { c };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-').len();
    out.truncate(trimmed);
    out
}

/// The base letter of a lowercase accented Latin letter, else the character itself.
fn unaccented(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_slugs_fold_accents_only_when_asked() {
        assert_eq!(id_slug("  Sébastien: 34 Troops!  ", true), "sebastien-34-troops");
        // Without folding an accented letter separates, as an invalid claim id's suggestion does.
        assert_eq!(id_slug("  Sébastien: 34 Troops!  ", false), "s-bastien-34-troops");
        assert_eq!(id_slug("--", false), "");
    }
}
