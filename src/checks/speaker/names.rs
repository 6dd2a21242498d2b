//! Names and people: the capitalised runs of a phrase, titles stripped, and the cheap test
//! of whether a run is a person (see "Who is a person" in the docs of `speaker`). Also what
//! the other checks ask: [`super::names_in`] and [`super::is_title`].

use std::ops::Range;

use crate::article::Article;

/// Whether a word is a title ("Minister", "Gen."): never a name on its own.
pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.'))
}

/// Titles: before a name they make it a person's, and the report leaves them out.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "President", "Minister", "Secretary", "Gen", "General", "Brig", "Lt", "Col", "Colonel", "Maj", "Major",
    "Capt", "Captain", "Adm", "Admiral", "Sgt", "Sen", "Senator", "Rep", "Gov", "Governor", "Mayor",
    "Chancellor", "Chief", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Press", "Ambassador",
    "Commissioner", "Prime", "Dr", "Mr", "Mrs", "Ms", "Prof", "Professor", "King", "Queen", "Prince",
    "Princess", "Pope", "Judge", "Justice", "Chairman", "Chairwoman", "Vice", "Deputy", "Head", "Commander",
    "CEO", "Premier", "Speaker", "Leader", "Officer", "Attorney", "Envoy", "State", "Rev", "Sheikh", "Emir", "Cardinal",
    "Counterpart", "Lieutenant", "Sergeant",
];
/// Words of organisations and places: a run holding one is no person.
#[rustfmt::skip]
const NOT_PERSON: &[&str] = &[
    "Forum", "Ministry", "Council", "Union", "Group", "Party", "Forces", "Force", "Army", "Navy", "Agency",
    "Department", "Office", "House", "Committee", "Organization", "Organisation", "Bank", "Court", "Kingdom",
    "States", "Republic", "Nations", "University", "Company", "Corporation", "Inc", "Ltd", "News", "Times",
    "Post", "Tribune", "Association", "Institute", "Commission", "Parliament", "Senate", "Congress",
    "Government", "Administration", "Coalition", "Alliance", "Federation", "Fund", "Service", "Police",
    "Center", "Centre", "Foundation", "Network", "Club", "Pentagon", "Kremlin", "Palace", "New", "North",
    "South", "East", "West", "Saudi", "City", "Island", "Islands", "Sea", "Gulf", "Mount", "Lake", "River",
    "Street", "Square", "Bay", "Coast", "Province", "Region", "County", "District", "Strip", "Defense",
    "Defence", "Security", "Affairs", "Foreign", "Armed", "Guard", "Reuters", "Europe",
    "European",
];

/// A run without its leading titles, and whether a title stood before or in it.
pub(super) fn untitled(a: &Article, run: &Range<usize>) -> Option<(Range<usize>, bool)> {
    let text = a.slice(run);
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let title = |w: &str| w.split('-').any(|part| TITLES.contains(&part.trim_end_matches('.')));
    let after_title = words.iter().rposition(|(_, w)| title(w)).map_or(0, |p| p + 1);
    // A person's name is at most three capitalised words ("Recep Tayyip Erdogan", "Ursula
    // von der Leyen"), with no connector first.
    let mut from = words.len();
    let mut capitals = 0;
    while from > after_title && capitals < 3 {
        from -= 1;
        capitals += usize::from(!CONNECTORS.contains(&words[from].1));
    }
    while from < words.len() && CONNECTORS.contains(&words[from].1) {
        from += 1;
    }
    let (start, _) = words.get(from)?;
    let before = a.text[..run.start].trim_end_matches([' ', '.']);
    let titled = after_title > 0
        || TITLES
            .iter()
            .any(|t| before.ends_with(t) && before[..before.len() - t.len()].ends_with([' ', '\n']));
    Some((run.start + start..run.end, titled))
}

/// The person named by a name run (titles stripped), or None for a place, an organisation
/// or a name the article gives no sign of being a person's (see the module docs).
pub(super) fn person(a: &Article, run: &Range<usize>) -> Option<Range<usize>> {
    let (name, titled) = untitled(a, run)?;
    let words: Vec<&str> = a.slice(&name).split(' ').collect();
    if words.iter().any(|w| NOT_PERSON.contains(w))
        || words.iter().all(|w| w.chars().count() < 2)
        || written_after_in(a, words[0])
    {
        return None;
    }
    (titled || words.len() >= 2 || after_first_name(a, words[words.len() - 1])).then_some(name)
}

/// Whether the article writes `in W` or `at W` somewhere: a place.
fn written_after_in(a: &Article, w: &str) -> bool {
    let folded = crate::article::normalize::fold_case(w);
    let text = a.folded();
    a.words().of(&folded).iter().any(|&at| {
        let before = text[..at as usize].trim_end_matches(' ');
        ["in", "at"]
            .iter()
            .any(|p| before.ends_with(p) && !before[..before.len() - p.len()].ends_with(|c: char| c.is_alphanumeric()))
    })
}

/// Whether the article writes `W` after a first name or a title somewhere (`Emmanuel Macron`).
fn after_first_name(a: &Article, w: &str) -> bool {
    let folded = crate::article::normalize::fold_case(w);
    a.words().of(&folded).iter().any(|&at| {
        let before = a.text[..at as usize].strip_suffix(' ').unwrap_or("");
        let prev = before.rsplit([' ', '\n']).next().unwrap_or("").trim_end_matches('.');
        prev.chars().next().is_some_and(char::is_uppercase)
            && prev.chars().all(char::is_alphabetic)
            && !NOT_NAMES.contains(&prev)
            && !NOT_PERSON.contains(&prev)
    })
}

/// Words never part of a name even when capitalized (sentence starts, months, weekdays).
#[rustfmt::skip]
pub(super) const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "However", "According", "Last", "Next",
    "This", "That", "These", "Those", "With", "By", "From", "To", "As", "It", "He", "She", "They", "We", "I",
    "Among", "After", "Before", "When", "While", "If", "Tomorrow", "Today", "Yesterday", "His", "Her", "Their",
    "Its", "Our", "My", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Said", "Asked", "Speaking", "Meanwhile", "Also", "Earlier", "Later", "There", "Then", "Still",
    "Yet", "So", "Now",
];
pub(super) const CONNECTORS: &[&str] = &["of", "the", "de", "du", "von", "van", "der", "al", "bin", "la", "le"];

/// Where the names (runs of capitalized words, one space apart) stand outside quotations in
/// a range, in order.
pub(super) fn name_runs(a: &Article, r: &Range<usize>) -> Vec<Range<usize>> {
    runs_where(a, r, &|w| !a.inside_quotation(w))
}

fn runs_where(a: &Article, r: &Range<usize>, outside: &dyn Fn(&Range<usize>) -> bool) -> Vec<Range<usize>> {
    let text = &a.text[r.clone()];
    let mut out = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut last_capital = 0;
    let mut flush = |run: &mut Option<Range<usize>>, last_capital: usize| {
        if let Some(s) = run.take() {
            out.push(s.start..last_capital);
        }
    };
    let mut prev_end = 0;
    for w in crate::article::words::words(text, &['\'', '-']) {
        let (start, word) = (r.start + w.start, &text[w.clone()]);
        // Anything but one space between words ends a name: "Forces, Sébastien Lecornu".
        if &text[prev_end..w.start] != " " {
            flush(&mut run, last_capital);
        }
        prev_end = w.end;
        let capital = word.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(&word);
        let end = start + word.len();
        if capital && outside(&(start..end)) {
            run.get_or_insert(start..end);
            last_capital = end;
        } else if !(run.is_some() && CONNECTORS.contains(&word)) {
            flush(&mut run, last_capital);
        }
    }
    flush(&mut run, last_capital);
    out
}

/// Names (runs of capitalized words) outside quotations in a range, longest first.
pub fn names_in(a: &Article, r: &Range<usize>, outside: &dyn Fn(&Range<usize>) -> bool) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for run in runs_where(a, r, outside) {
        let n = a.slice(&run).to_string();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.split(' ').count()));
    names
}
