//! The records drawn for one person (names by index, detentions with charges, timeline events),
//! the status they imply, the tables their values are drawn from, and how the events read.

use std::fmt;

use super::catalogue::{Catalogue, WaveName, Words};
use crate::domain::{EventKind, PartialDate, PersonStatus, ReleaseMechanism, SentenceKind, Sex, TrialStage};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Person {
    /// 1, 2, 3… in the order drawn: makes the slug unique.
    pub(super) number: usize,
    pub(super) sex: Sex,
    pub(super) given: usize,
    pub(super) surname: usize,
    pub(super) born: Option<PartialDate>,
    pub(super) occupation: Option<&'static str>,
    pub(super) region: Option<&'static str>,
    pub(super) citizenships: &'static [&'static str],
    pub(super) detentions: Vec<Detention>,
    pub(super) events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Detention {
    pub(super) country: &'static str,
    pub(super) started: PartialDate,
    pub(super) ended: Option<PartialDate>,
    pub(super) facility: usize,
    pub(super) trial_stage: Option<TrialStage>,
    pub(super) sentenced: Option<PartialDate>,
    pub(super) sentence: Option<(SentenceKind, Option<i32>)>,
    pub(super) release: Option<ReleaseMechanism>,
    pub(super) wave: Option<usize>,
    pub(super) charges: Vec<Charge>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Charge {
    pub(super) article: &'static str,
    pub(super) part: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Event {
    pub(super) kind: EventKind,
    pub(super) on: PartialDate,
    /// Index into the person's detentions.
    pub(super) detention: usize,
    /// Where the person was taken, for arrests and transfers.
    pub(super) facility: Option<usize>,
    /// Which of [`OTHER_EVENTS`] an `other` event is.
    pub(super) note: usize,
}

/// What `other` events report, so that their text varies as real timelines do.
pub(super) const OTHER_EVENTS: [&str; 4] = [
    "a letter from custody was published.",
    "placed in a punishment cell.",
    "relatives were refused a visit.",
    "the defence lawyer lost the licence to practise.",
];

impl Person {
    /// The status `derive_person_status()` computes from these detentions. Written with the
    /// person, so that the trigger on detentions finds nothing to change: updating a hundred
    /// thousand fresh rows would cost as much as writing them. The trigger stays the authority.
    pub(super) fn status(&self) -> (PersonStatus, Option<PartialDate>) {
        if let Some(open) = self.detentions.iter().rev().find(|d| d.ended.is_none() && d.release.is_none()) {
            let status = if open.sentence.is_some() || open.trial_stage == Some(TrialStage::Convicted) {
                PersonStatus::ServingSentence
            } else if open.trial_stage == Some(TrialStage::AwaitingTrial) {
                PersonStatus::AwaitingTrial
            } else {
                PersonStatus::InCustody
            };
            return (status, Some(open.started));
        }
        // Detentions are drawn in time order, so the last is the most recent.
        match self.detentions.last() {
            Some(d) if d.release == Some(ReleaseMechanism::DeathInCustody) => (PersonStatus::DiedInCustody, d.ended),
            Some(d) => (PersonStatus::Released, d.ended),
            None => (PersonStatus::Unknown, None),
        }
    }
}

pub(super) const REGIONS: [&str; 7] =
    ["Minsk", "Minsk Region", "Brest Region", "Vitebsk Region", "Gomel Region", "Grodno Region", "Mogilev Region"];

pub(super) const OCCUPATIONS: [&str; 12] = [
    "engineer",
    "teacher",
    "IT specialist",
    "student",
    "factory worker",
    "doctor",
    "journalist",
    "entrepreneur",
    "pensioner",
    "musician",
    "lawyer",
    "driver",
];

/// Mostly Belarusian, some dual citizens, a few foreigners.
pub(super) const CITIZENSHIPS: [(&[&str], u32); 8] = [
    (&["BY"], 86),
    (&["BY", "PL"], 4),
    (&["BY", "RU"], 3),
    (&["BY", "LT"], 2),
    (&["BY", "UA"], 1),
    (&["BY", "US"], 1),
    (&["RU"], 2),
    (&["US"], 1),
];

/// Criminal-code articles used against protesters, journalists and "extremists", with a weight.
pub(super) const CHARGES_BY: [(Charge, u32); 16] = [
    (Charge { article: "342", part: Some("1") }, 30),
    (Charge { article: "342", part: Some("2") }, 5),
    (Charge { article: "361-1", part: Some("1") }, 4),
    (Charge { article: "361-1", part: Some("3") }, 4),
    (Charge { article: "361-4", part: None }, 3),
    (Charge { article: "130", part: Some("3") }, 8),
    (Charge { article: "368", part: Some("1") }, 6),
    (Charge { article: "369", part: None }, 6),
    (Charge { article: "367", part: Some("1") }, 3),
    (Charge { article: "293", part: Some("2") }, 4),
    (Charge { article: "361-3", part: Some("1") }, 3),
    (Charge { article: "357", part: Some("1") }, 1),
    (Charge { article: "339", part: Some("2") }, 4),
    (Charge { article: "364", part: None }, 3),
    (Charge { article: "361", part: Some("3") }, 2),
    (Charge { article: "361-2", part: Some("1") }, 3),
];

pub(super) const CHARGES_RU: [(Charge, u32); 6] = [
    (Charge { article: "280.3", part: Some("1") }, 10),
    (Charge { article: "207.3", part: Some("2") }, 10),
    (Charge { article: "275", part: None }, 5),
    (Charge { article: "280.4", part: Some("1") }, 4),
    (Charge { article: "212", part: Some("2") }, 4),
    (Charge { article: "282.2", part: Some("1") }, 3),
];

/// How released people left custody when no death is involved.
pub(super) const RELEASES: [(ReleaseMechanism, u32); 8] = [
    (ReleaseMechanism::SentenceServed, 36),
    (ReleaseMechanism::Pardon, 24),
    (ReleaseMechanism::CourtDecision, 8),
    (ReleaseMechanism::Amnesty, 8),
    (ReleaseMechanism::ReleaseToForeignGovernment, 9),
    (ReleaseMechanism::Exchange, 3),
    (ReleaseMechanism::Deportation, 4),
    (ReleaseMechanism::Other, 8),
];

/// The description of an event: plain English that says it is synthetic.
pub(super) struct Description<'a> {
    pub(super) catalogue: &'a Catalogue,
    pub(super) event: &'a Event,
    pub(super) detention: &'a Detention,
}

impl fmt::Display for Description<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Description { catalogue, event, detention } = *self;
        f.write_str("Synthetic event: ")?;
        let facility = event.facility.map_or("a synthetic facility", |i| catalogue.facilities[i].name.as_str());
        match event.kind {
            EventKind::Arrest => write!(f, "detained and taken to {facility}."),
            EventKind::ReArrest => write!(f, "detained again and taken to {facility}."),
            EventKind::Transfer => write!(f, "transferred to {facility}."),
            EventKind::Charge => {
                f.write_str("charged under")?;
                for (i, c) in detention.charges.iter().enumerate() {
                    write!(f, "{} article {}", if i == 0 { "" } else { ";" }, c.article)?;
                    if let Some(part) = c.part {
                        write!(f, " part {part}")?;
                    }
                }
                f.write_str(" of the criminal code.")
            }
            EventKind::Trial => f.write_str("the trial opened."),
            EventKind::Verdict => match detention.sentence {
                Some((kind, Some(months))) => write!(f, "sentenced to {months} months of {}.", Words(kind.as_str())),
                Some((kind, None)) => write!(f, "sentenced to {}.", Words(kind.as_str())),
                None => f.write_str("convicted."),
            },
            EventKind::Appeal => f.write_str("the appeal was rejected."),
            EventKind::HungerStrike => f.write_str("announced a hunger strike."),
            EventKind::MediaAppearance => f.write_str("shown in a state television broadcast."),
            EventKind::Recognition => {
                f.write_str("recognised as a political prisoner by a synthetic human-rights group.")
            }
            EventKind::Release => {
                let how = detention.release.unwrap_or(ReleaseMechanism::Other);
                match detention.wave {
                    Some(w) => write!(f, "released ({}) in {}.", Words(how.as_str()), WaveName(&catalogue.waves[w])),
                    None => write!(f, "released ({}).", Words(how.as_str())),
                }
            }
            EventKind::Death => f.write_str("died in custody."),
            EventKind::Other => f.write_str(OTHER_EVENTS[event.note % OTHER_EVENTS.len()]),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::seed::synthetic::SyntheticReport;
    use crate::seed::synthetic::draw::drawn;

    #[test]
    fn event_descriptions_say_they_are_synthetic() {
        let (generator, people) = drawn(2, 200);
        for p in &people {
            for e in &p.events {
                let text =
                    Description { catalogue: &generator.catalogue, event: e, detention: &p.detentions[e.detention] }
                        .to_string();
                assert!(text.starts_with("Synthetic event: ") && text.ends_with('.'), "{text}");
                assert!(text.len() < 5000 && text == text.trim(), "text_ok: {text}");
            }
        }
        let report =
            SyntheticReport { seed: 1, people: 10, elapsed: Duration::from_millis(1500), ..Default::default() };
        let line = report.to_string();
        assert!(line.contains("nothing from an earlier run") && line.contains("1.5 s"), "{line}");
    }
}
