import RegioDomain

/// What the programme asks, in plain words, for each rule a letter's region breaks (domain.md, "What makes a
/// good region" and the checks): the rule behind a finding, not the finding itself, with the settings the
/// check used (close-by distance, gap distance, edge tolerance, thresholds).
enum ProgrammeAsks {
    /// The sentences for `rules` (in the order given, each once; rules without one, such as the informative
    /// `split-institution`, are left out), after one sentence on what a region is for.
    static func sentences(for rules: [Rule], settings: AuditSettings, wording w: LetterWording) -> [String] {
        var seen: Set<String> = []
        let specific = rules.compactMap { sentence(for: $0, settings: settings, wording: w) }.filter { seen.insert($0).inserted }
        let purpose = w.t(
            "A region is a logical, geographically bounded area whose vmbo schools, with mbo colleges and employers, write one plan for a covering, future-proof and efficient technical offer.",
            "Een regio is een logisch, geografisch begrensd gebied waarvan de vmbo-scholen samen met mbo-instellingen en bedrijven één plan maken voor een dekkend, toekomstbestendig en doelmatig techniekaanbod.")
        return [purpose] + specific
    }

    /// The plain words for one rule; `nil` for a rule that asks nothing of the region.
    static func sentence(for rule: Rule, settings: AuditSettings, wording w: LetterWording) -> String? {
        let l = w.language
        switch rule {
        case .schoolInMultipleRegions:
            return w.t("Each vmbo school takes part in one region only; every location (vestiging) counts as a school of its own. An institution may have locations in different regions, as long as each location is in one.",
                       "Elke vmbo-school neemt deel aan één regio; elke vestiging telt als aparte school. Een instelling mag vestigingen in verschillende regio's hebben, zolang elke vestiging in één regio zit.")
        case .unknownSchool:
            return w.t("Every school of a pre-registration is named by its six-character BRIN location code (such as 00AB01) from DUO's school register.",
                       "Elke school in de vooraanmelding staat erin met haar BRIN-vestigingscode van zes tekens (zoals 00AB01) uit het scholenregister van DUO.")
        case .leadWithoutTechnology:
            return w.t("The lead applicant (penvoerder) offers a technical profile itself (BWI, PIE, M&T, MaT or MVI), except in a techniekarm region.",
                       "De penvoerder biedt zelf een technisch profiel aan (BWI, PIE, M&T, MaT of MVI), behalve in een techniekarme regio.")
        case .missingLead:
            return w.t("Every region has exactly one lead applicant (penvoerder).", "Elke regio heeft precies één penvoerder.")
        case .emptyRegion:
            return w.t("A region is formed by its schools: the pre-registration lists the vmbo schools that take part.",
                       "Een regio bestaat uit scholen: de vooraanmelding noemt de vmbo-scholen die meedoen.")
        case .malformedRegionID:
            return w.t("A region's registration number has the form STO followed by five digits (STO19001).",
                       "Het registratienummer van een regio bestaat uit STO en vijf cijfers (STO19001).")
        case .conflictingRegionName:
            return w.t("One registration number belongs to one region name.", "Eén registratienummer hoort bij één regionaam.")
        case .schoolNotPlaced, .schoolOutsideMap:
            return w.t("The location of every school taking part must be known and right (address or postcode), so that the region can be judged on the map.",
                       "Van elke school die meedoet moet de ligging bekend zijn en kloppen (adres of postcode), zodat wij de regio op de kaart kunnen beoordelen.")
        case .splitCloseSchools:
            let distance = l.kilometres(settings.closeByDistanceMeters)
            return w.t("Schools close to each other (within \(distance)) belong in the same region.",
                       "Scholen die dicht bij elkaar liggen (binnen \(distance)) horen in dezelfde regio.")
        case .undersizedRegion:
            let schools = l.integer(settings.minimumTechnicalSchools)
            var text = w.t("A region is large enough to make real choices about its offer: in principle at least \(schools) schools with technical profiles work together; where an area has only one such school, it may form a region with other vmbo schools.",
                           "Een regio is groot genoeg om echte keuzes over het aanbod te maken: in principe werken ten minste \(schools) scholen met technische profielen samen; waar een gebied maar één zo'n school heeft, mag die met andere vmbo-scholen een regio vormen.")
            if settings.minimumTechnicalStudents > 0 {
                let pupils = l.integer(settings.minimumTechnicalStudents)
                text += w.t(" Together they have at least \(pupils) technical pupils.", " Samen hebben zij ten minste \(pupils) technische leerlingen.")
            }
            return text
        case .partOfLargerArea:
            return w.t("A region covers the towns whose pupils attend its schools. A small region inside a larger logical area is asked to join one application for the larger area.",
                       "Een regio omvat de plaatsen waarvan de leerlingen haar scholen bezoeken. Een kleine regio binnen een groter, logisch gebied vragen wij om op te gaan in één aanvraag voor dat grotere gebied.")
        case .overlappingRegions:
            let tolerance = l.squareKilometres(settings.overlapToleranceSquareKilometers)
            return w.t("Regions do not overlap. At the edges this cannot always be avoided, but not by more than \(tolerance).",
                       "Regio's overlappen elkaar niet. Aan de randen is dat niet altijd te vermijden, maar niet meer dan \(tolerance).")
        case .fragmentedRegion:
            let gap = l.kilometres(settings.fragmentGapMeters, decimals: 0)
            return w.t("A region is one connected area: groups of schools more than \(gap) apart do not form one region.",
                       "Een regio is één samenhangend gebied: groepen scholen die meer dan \(gap) uit elkaar liggen, vormen samen geen regio.")
        case .enclave:
            return w.t("A school that lies among the schools of another region belongs, as a rule, to that region.",
                       "Een school die tussen de scholen van een andere regio in ligt, hoort in de regel bij die regio.")
        case .techniekarm:
            let below = l.percent(settings.techniekarmShareBelow, decimals: 0)
            let range = l.moneyRange(TechniekarmBudget.rangeEUR[0], TechniekarmBudget.rangeEUR[1])
            return w.t("A region is techniekarm when fewer than \(below) of its counted pupils follow a technical profile; it has a separate budget of \(range) for four years and had to report to DUS-I before 1 November 2018.",
                       "Een regio is techniekarm als minder dan \(below) van haar getelde leerlingen een technisch profiel volgt; zij heeft een apart budget van \(range) voor vier jaar en moest zich vóór 1 november 2018 melden bij DUS-I.")
        case .singleTechnologySchool, .uncoveredSchool, .splitInstitution, .approximateLocation:
            return nil
        }
    }
}
