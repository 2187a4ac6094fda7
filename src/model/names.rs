//! Names compared as a reader compares them: "L’armée syrienne", "l'Armee syrienne" and
//! "armée syrienne" are one name; "the Islamic State" and "Islamic State" too. Reports
//! of one incident spell places and actors each their own way, so candidates for
//! linking and the values reports give are matched on these normalised forms.

/// Articles and prepositions that open a name without being part of it, French and
/// English, after elision is undone (`l’` is `l`).
const LEADING: [&str; 12] = [
    "l", "d", "le", "la", "les", "de", "du", "des", "the", "of", "a", "an",
];

/// `name` lowercased, without accents, with typographic apostrophes read as `'`, words
/// joined by single spaces, and without the articles and elisions that open it or any
/// of its words (`l’`, `d’`, `the`): the form under which two spellings of a name are
/// the same.
pub fn normalize_name(name: &str) -> String {
    name_words(name).join(" ")
}

/// The words of the normalised name (see [`normalize_name`]), articles and elided
/// articles left out wherever they are ("la ville de Palmyre" is `ville palmyre`).
pub fn name_words(name: &str) -> Vec<String> {
    let folded = crate::search::fold(&name.to_lowercase());
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !LEADING.contains(w))
        .map(str::to_string)
        .collect()
}

/// How alike two names are, from 0 to 1: 1 when their normalised forms are equal,
/// otherwise the share of words they have in common (Jaccard), so that "Palmyre" and
/// "la ville de Palmyre" still count for something.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (name_words(a), name_words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let a: std::collections::BTreeSet<&String> = a.iter().collect();
    let b: std::collections::BTreeSet<&String> = b.iter().collect();
    let shared = a.intersection(&b).count();
    let all = a.union(&b).count();
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_elisions_do_not_count() {
        assert_eq!(normalize_name("L’armée syrienne"), "armee syrienne");
        assert_eq!(normalize_name("l'Armee  syrienne"), "armee syrienne");
        assert_eq!(
            normalize_name("l’Etat islamique"),
            normalize_name("État islamique")
        );
        assert_eq!(normalize_name("the Islamic State"), "islamic state");
        assert_eq!(normalize_name("d’Al-Qaryatayn"), "al qaryatayn");
        assert_eq!(name_similarity("Palmyre", "palmyre"), 1.0);
        assert_eq!(name_similarity("la ville de Palmyre", "Palmyre"), 0.5);
        assert_eq!(name_similarity("Mossoul", "Palmyre"), 0.0);
        assert_eq!(name_similarity("", "Palmyre"), 0.0);
    }
}
