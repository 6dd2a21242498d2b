//! Quotations and who said them: `by` is the subject of a speech verb attached to the
//! quotation, never someone merely named beside it.

use super::*;

fn quote_by(words: &str, by: &str) -> String {
    format!("id: q\nclaim: c\nquote: {words}\nby: {by}")
}

// --- Two people named: only the subject of the speech verb is the speaker.

const TOLD: &str = "Ukrainian President Volodymyr Zelensky told French President Emmanuel Macron that \
     “Ukraine will never accept the occupation of its territory” during talks at the Elysee Palace on Monday.";

#[test]
fn supports_the_subject_of_told() {
    let r = check(
        TOLD,
        None,
        &quote_by("Ukraine will never accept the occupation", "Zelensky"),
    );
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    assert!(
        notes(&r).contains("`Zelensky` is the speaker (`Zelensky told`)"),
        "{}",
        notes(&r)
    );
}

#[test]
fn refutes_the_person_told() {
    let r = check(
        TOLD,
        None,
        &quote_by("Ukraine will never accept the occupation", "Macron"),
    );
    assert_eq!(r.verdict, Verdict::Refuted, "{}", notes(&r));
    assert!(
        notes(&r).contains("`Volodymyr Zelensky` is the speaker (`Volodymyr Zelensky told`); `Macron` is only named"),
        "{}",
        notes(&r)
    );
}

#[test]
fn refutes_someone_reported_on_by_the_speaker() {
    let text = "Macron said Zelensky had shown “extraordinary courage” in the face of the Russian invasion.";
    let r = check(text, None, &quote_by("extraordinary courage", "Zelensky"));
    assert_eq!(r.verdict, Verdict::Refuted, "{}", notes(&r));
    assert!(notes(&r).contains("`Macron` is the speaker (`Macron said`); `Zelensky` is only named"));
    assert_eq!(
        verdict(text, None, &quote_by("extraordinary courage", "Macron")),
        Verdict::Supported
    );
}

// --- Pronouns: the person named last before, in the paragraph or the one before.

#[test]
fn supports_a_pronoun_across_sentences() {
    let text = "Prime Minister Narendra Modi chaired a high-level security meeting in New Delhi on Wednesday. \
                He added. “It is our responsibility to ensure that the perpetrators are brought to justice.”";
    let r = check(text, None, &quote_by("It is our responsibility", "Modi"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    assert!(
        notes(&r)
            .contains("`Modi` is the speaker (`He added`: `He` is Narendra Modi, the person named last before it)"),
        "{}",
        notes(&r)
    );
}

#[test]
fn supports_a_pronoun_across_paragraphs() {
    let text = "Prime Minister Narendra Modi chaired a meeting of the Cabinet Committee on Security in New Delhi \
                on Wednesday.\n\nHe added. “It is our responsibility to ensure that the perpetrators are brought \
                to justice.”";
    assert_eq!(
        verdict(text, None, &quote_by("It is our responsibility", "Narendra Modi")),
        Verdict::Supported
    );
}

#[test]
fn supports_she_said_for_a_name_with_particles() {
    let text = "European Commission President Ursula von der Leyen arrived in Kyiv on Monday by train. \
                “Ukraine is Europe,” she said.";
    let r = check(text, None, &quote_by("Ukraine is Europe", "von der Leyen"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
}

#[test]
fn refutes_a_pronoun_whose_person_is_another() {
    let text = "German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Warsaw on Tuesday. \
                “We stand together,” he said.";
    // "he" is the person named last: Donald Tusk, not Scholz.
    let r = check(text, None, &quote_by("We stand together", "Scholz"));
    assert_eq!(r.verdict, Verdict::Refuted, "{}", notes(&r));
    assert!(
        notes(&r).contains(
            "`Donald Tusk` is the speaker (`he said`: `he` is Donald Tusk, the person named last before it), not Scholz"
        ),
        "{}",
        notes(&r)
    );
}

#[test]
fn supports_they_said_in_a_statement() {
    let text = "Foreign ministers Annalena Baerbock and Jean-Noel Barrot visited Damascus on Friday. \
                “A new beginning is possible,” they said in a statement.";
    assert_eq!(
        verdict(text, None, &quote_by("A new beginning is possible", "Barrot")),
        Verdict::Supported
    );
}

// --- Other cues: according to, colon, told reporters, participles.

#[test]
fn supports_according_to() {
    let text =
        "The talks in Riyadh were “constructive and businesslike”, according to Kremlin spokesman Dmitry Peskov.";
    let r = check(text, None, &quote_by("constructive and businesslike", "Peskov"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    assert!(
        notes(&r).contains("`Peskov` is the speaker (`according to … Peskov`)"),
        "{}",
        notes(&r)
    );
}

#[test]
fn supports_a_colon_attribution() {
    let text =
        "The message from Foreign Secretary David Lammy: “Britain will stand with Ukraine for as long as it takes.”";
    let r = check(text, None, &quote_by("Britain will stand with Ukraine", "Lammy"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    assert!(notes(&r).contains("`Lammy` is the speaker (`Lammy:`)"), "{}", notes(&r));
}

#[test]
fn supports_told_reporters() {
    let text = "“We are not going to let this happen,” Trump told reporters aboard Air Force One on Sunday.";
    let r = check(text, None, &quote_by("We are not going to let this happen", "Trump"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    assert!(notes(&r).contains("`Trump` is the speaker (`Trump told`)"));
}

#[test]
fn supports_saying_after_a_speech_verb() {
    let text = "German Chancellor Olaf Scholz spoke to reporters in Berlin on Monday, saying “there can be no \
                peace dictated by Moscow.”";
    let r = check(
        text,
        None,
        &quote_by("there can be no peace dictated by Moscow", "Scholz"),
    );
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
}

#[test]
fn supports_adding_for_the_second_quotation() {
    let text = "“We have made good progress,” Rubio said in Jeddah, adding: “There is still work to do.”";
    let r = check(text, None, &quote_by("There is still work to do", "Rubio"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
}

#[test]
fn supports_claiming_after_an_appositive() {
    let text = "“The final decision depends on the definition of clear conditions”, the Dutch Minister of Defense, \
                Ruben Brekelmans, echoed in Paris, claiming that Washington remains a “reliable ally” in NATO.";
    let r = check(text, None, &quote_by("reliable ally", "Brekelmans"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    assert_eq!(
        verdict(text, None, &quote_by("reliable ally", "Washington")),
        Verdict::Refuted
    );
}

#[test]
fn supports_quoted_as_saying() {
    let text = "“There is no question of any ceasefire at this stage,” Kremlin spokesman Dmitry Peskov was quoted \
                as saying by the RIA news agency.";
    let r = check(text, None, &quote_by("There is no question of any ceasefire", "Peskov"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    assert_eq!(
        verdict(text, None, &quote_by("There is no question of any ceasefire", "RIA")),
        Verdict::Refuted
    );
}

#[test]
fn supports_an_institution_as_speaker() {
    let text = "Russia's foreign ministry said the talks were “useful” but that “no breakthrough” had been reached.";
    let r = check(text, None, &quote_by("no breakthrough", "foreign ministry"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
}

#[test]
fn refutes_with_the_person_not_their_state_named() {
    let text = "“We will not allow a shutdown of the government,” said Senate Majority Leader Chuck Schumer, D-N.Y., \
                on Thursday.";
    let r = check(text, None, &quote_by("We will not allow a shutdown", "Jeffries"));
    assert_eq!(r.verdict, Verdict::Refuted, "{}", notes(&r));
    assert!(
        notes(&r).contains("`Chuck Schumer` is the speaker (`said … Chuck Schumer`), not Jeffries"),
        "{}",
        notes(&r)
    );
    assert_eq!(
        verdict(text, None, &quote_by("We will not allow a shutdown", "Schumer")),
        Verdict::Supported
    );
}

#[test]
fn supports_said_by_inverted_with_a_long_title() {
    let text = "“We continue to see indications that Russia is preparing for a winter offensive,” said Pentagon \
                Press Secretary Air Force Brig. Gen. Pat Ryder today.";
    for by in ["Ryder", "Pat Ryder"] {
        let r = check(text, None, &quote_by("Russia is preparing for a winter offensive", by));
        assert_eq!(r.verdict, Verdict::Supported, "{by}: {}", notes(&r));
        assert!(
            notes(&r).contains(&format!("`{by}` is the speaker (`said … {by}`)")),
            "{}",
            notes(&r)
        );
    }
}

#[test]
fn refutes_another_speaker_when_quotes_in_a_sentence_have_their_own() {
    let text = "“We will win,” Zelensky said, while Peskov said that “no such plan exists”.";
    assert_eq!(
        verdict(text, None, &quote_by("We will win", "Zelensky")),
        Verdict::Supported
    );
    assert_eq!(
        verdict(text, None, &quote_by("We will win", "Peskov")),
        Verdict::Refuted
    );
    assert_eq!(
        verdict(text, None, &quote_by("no such plan exists", "Peskov")),
        Verdict::Supported
    );
}

#[test]
fn supports_a_quotation_split_around_its_verb() {
    let text = "“The coalition will not fail,” Starmer said, “and it will not wait for Washington.”";
    assert_eq!(
        verdict(text, None, &quote_by("it will not wait for Washington", "Starmer")),
        Verdict::Supported
    );
}

// --- Nobody is the speaker: not_found, the quotation shown, only people named.

#[test]
fn not_found_when_nobody_speaks() {
    let text = "Talks in Paris on Tuesday were “a first step towards peace” for the coalition, in the presence of \
                British Prime Minister Keir Starmer.";
    let r = check(text, None, &quote_by("a first step towards peace", "Macron"));
    assert_eq!(r.verdict, Verdict::NotFound, "{}", notes(&r));
    let nearest = r.nearest.as_ref().expect("the quotation is shown");
    assert!(nearest.note.as_deref().unwrap().contains("no speaker"), "{}", notes(&r));
    // Who is named there: people only, never places.
    assert!(notes(&r).contains("(`Keir Starmer` only named)"), "{}", notes(&r));
    assert!(!notes(&r).contains("Paris"), "{}", notes(&r));
    // A person merely named is no speaker either.
    assert_eq!(
        verdict(text, None, &quote_by("a first step towards peace", "Starmer")),
        Verdict::NotFound
    );
}

#[test]
fn refutes_naming_the_speaker_never_a_place() {
    let text = "In Paris, Macron said the meeting marked “a decisive moment” for Europe.";
    let r = check(text, None, &quote_by("a decisive moment", "Burkhard"));
    assert_eq!(r.verdict, Verdict::Refuted, "{}", notes(&r));
    assert!(
        notes(&r).contains("`Macron` is the speaker (`Macron said`), not Burkhard"),
        "{}",
        notes(&r)
    );
    assert!(!notes(&r).contains("Paris"), "{}", notes(&r));
}

// --- Quotations that run on.

#[test]
fn supports_a_quotation_over_two_paragraphs() {
    let text = "“We will keep up the pressure on Russia until there is a just and lasting peace,” Starmer told the \
                summit. “This is a moment for Europe to step up.\n\n“We cannot wait for others to act for us.”";
    let r = check(
        text,
        None,
        &quote_by(
            "This is a moment for Europe to step up. We cannot wait for others",
            "Starmer",
        ),
    );
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
}

#[test]
fn supports_a_quotation_left_open_to_its_paragraph_end() {
    let text = "Macron said: “We will not let Ukraine fall. Europe must be able to defend itself.\n\nOther news.";
    assert_eq!(
        verdict(text, None, &quote_by("Europe must be able to defend itself", "Macron")),
        Verdict::Supported
    );
}

#[test]
fn supports_a_quotation_with_an_ellipsis_inside() {
    let text = "“We will… continue to support Ukraine,” Macron said.";
    assert_eq!(
        verdict(text, None, &quote_by("We will… continue to support Ukraine", "Macron")),
        Verdict::Supported
    );
}

#[test]
fn supports_quotations_with_apostrophes_inside() {
    let text = "“The Government’s position is clear: we’re not going to negotiate,” the Home Secretary said.";
    let r = check(text, None, &quote_by("we're not going to negotiate", "Home Secretary"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
}

// --- One verdict rule: support in one place, refutation in another.

#[test]
fn conflicting_when_two_speakers_say_the_same_words() {
    let text = "“The war must end,” Macron said on Monday.\n\n“The war must end,” Zelensky said on Tuesday.";
    let r = check(text, None, &quote_by("The war must end", "Macron"));
    assert_eq!(r.verdict, Verdict::Conflicting, "{}", notes(&r));
}

// --- `by` names that are not entities.

#[test]
fn supports_a_by_that_is_not_an_entity() {
    let text = "“We are ready to put boots on the ground,” Starmer said in London.";
    let yaml = "entities:\n  Macron: [Emmanuel Macron]\nclaims:\n  - id: q\n    claim: c\n    \
                quote: We are ready to put boots on the ground\n    by: Starmer\n";
    let file = claimcheck::compile::parse("claims.yaml", yaml, None).expect("a `by` that is no entity is a plain term");
    let article = Article::new("a.txt", text.to_string());
    let report = engine::evaluate(&file, &article, &engine::Policy::default());
    assert_eq!(report.claims[0].verdict, Verdict::Supported);
}

#[test]
fn supports_the_subject_over_an_aside_or_a_relative_clause() {
    let aside = "Macron, speaking to reporters in Paris, said “Europe must take its security into its own hands”.";
    assert_eq!(
        verdict(aside, None, &quote_by("Europe must take its security", "Macron")),
        Verdict::Supported
    );
    assert_eq!(
        verdict(aside, None, &quote_by("Europe must take its security", "Paris")),
        Verdict::Refuted
    );
    let relative = "Zelensky thanked Macron, who said “Europe stands with Ukraine”.";
    assert_eq!(
        verdict(relative, None, &quote_by("Europe stands with Ukraine", "Macron")),
        Verdict::Supported
    );
    assert_eq!(
        verdict(relative, None, &quote_by("Europe stands with Ukraine", "Zelensky")),
        Verdict::Refuted
    );
    let appositive =
        "Ruben Brekelmans, the Dutch defence minister, said the Netherlands would send “more air defence”.";
    assert_eq!(
        verdict(appositive, None, &quote_by("more air defence", "Brekelmans")),
        Verdict::Supported
    );
}

#[test]
fn refutes_no_one_for_nouns_that_look_like_verbs() {
    // "States" and "warning" are no speech verbs here: nobody speaks.
    let text = "The United States issued a warning about “grave consequences” for Iran on Tuesday.";
    let r = check(text, None, &quote_by("grave consequences", "United"));
    assert_eq!(r.verdict, Verdict::NotFound, "{}", notes(&r));
}

#[test]
fn supports_a_senator_with_party_and_state() {
    let text = "“I think it’s a mistake,” Sen. Lindsey Graham, R-S.C., told reporters on Capitol Hill.";
    let r = check(text, None, &quote_by("I think it's a mistake", "Graham"));
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
}

#[test]
fn supports_either_of_two_joint_speakers() {
    let text = "Macron and Starmer said in a joint statement that “Europe must act now to guarantee its security”.";
    for by in ["Macron", "Starmer"] {
        assert_eq!(
            verdict(text, None, &quote_by("Europe must act now", by)),
            Verdict::Supported,
            "{by}"
        );
    }
}

#[test]
fn refutes_the_agency_a_source_told() {
    let text = "“Everyone is tired, but we keep going,” a Ukrainian soldier told Reuters near Pokrovsk.";
    let r = check(text, None, &quote_by("Everyone is tired", "Reuters"));
    assert_eq!(r.verdict, Verdict::Refuted, "{}", notes(&r));
    assert!(
        notes(&r).contains("`Ukrainian soldier` is the speaker (`Ukrainian soldier told`); `Reuters` is only named"),
        "{}",
        notes(&r)
    );
}

#[test]
fn supports_the_name_after_an_initialism_and_a_lowercase_title() {
    let text = "“The decision is not ours alone,” said U.N. spokesman Stéphane Dujarric, \
                standing beside Secretary-General António Guterres.";
    let by = |who: &str| {
        check(
            text,
            None,
            &format!("id: q\nclaim: c\nquote: The decision is not ours alone\nby: {who}"),
        )
    };
    let r = by("Dujarric");
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    assert!(
        notes(&r).contains("`Dujarric` is the speaker (`said … Dujarric`)"),
        "{}",
        notes(&r)
    );
    let r = by("Guterres");
    assert_eq!(r.verdict, Verdict::Refuted, "{}", notes(&r));
    assert!(notes(&r).contains("`Guterres` is only named"), "{}", notes(&r));
}
