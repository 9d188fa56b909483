import RegioDomain

/// The fixed text of a letter in one language: headings, the address and greeting, the opening and closing
/// paragraphs, the names of the figures. Dutch is what the regions read; English is for the team's analysts.
/// Every number goes through ``Language``'s formatting (`1.234`, `€ 2.199.000`, `12,5 %` in Dutch).
struct LetterWording {
    let language: Language

    /// `en` or `nl`, by the language.
    func t(_ en: String, _ nl: String) -> String { language.pick(en, nl) }

    // MARK: letterhead and address

    var sender: String { t("Sterk Techniekonderwijs: support team", "Sterk Techniekonderwijs: ondersteuningsteam") }

    /// The line under the school's name: for whom the letter is.
    func attention(_ region: String) -> String {
        t("For the attention of the lead applicant (penvoerder) of region \(region)",
          "T.a.v. de penvoerder van regio \(region)")
    }

    /// The addressee when the region names no lead: its schools, or whoever filed an empty pre-registration.
    func addresseeWithoutLead(_ region: String, hasSchools: Bool) -> String {
        hasSchools ? t("To the schools of region \(region)", "Aan de scholen van regio \(region)")
            : t("To the applicant of region \(region)", "Aan de indiener van regio \(region)")
    }

    func subject(_ region: String) -> String {
        t("Subject: the pre-registration of region \(region)", "Betreft: de vooraanmelding van regio \(region)")
    }

    var greeting: String { t("Dear Sir or Madam,", "Geachte heer, mevrouw,") }

    /// The opening paragraph: why the letter comes, and how many problems were found.
    func opening(region: String, isLead: Bool, errors: Int, warnings: Int) -> String {
        let found = problemCount(errors: errors, warnings: warnings)
        let role = isLead ? t("You are the lead applicant (penvoerder) of region \(region). ",
                              "U bent penvoerder van regio \(region). ")
            : t("This letter concerns region \(region). ", "Deze brief gaat over regio \(region). ")
        return role + t(
            "After the pre-registration deadline of Sterk Techniekonderwijs we checked every pre-registration against the programme's rules. For your region we found \(found). Below you read what the programme asks, what we found, what we propose and where your region stands now.",
            "Na de sluiting van de vooraanmelding voor Sterk Techniekonderwijs hebben wij alle vooraanmeldingen getoetst aan de regels van het programma. Voor uw regio vonden wij \(found). Hieronder leest u wat het programma vraagt, wat wij vonden, wat wij voorstellen en hoe uw regio er nu voor staat.")
    }

    /// "2 errors and 1 warning" / "2 fouten en 1 waarschuwing".
    func problemCount(errors: Int, warnings: Int) -> String {
        let parts = [errors > 0 ? language.count(errors, t("error", "fout"), t("errors", "fouten")) : nil,
                     warnings > 0 ? language.count(warnings, t("warning", "waarschuwing"), t("warnings", "waarschuwingen")) : nil]
        return language.list(parts.compactMap { $0 })
    }

    /// What errors and warnings ask of the region, for the kinds it has.
    func whatProblemsMean(errors: Int, warnings: Int) -> String {
        let errorsMean = t("Errors break a rule of the programme and must be resolved before the application.",
                           "Fouten gaan tegen een regel van het programma in en moeten vóór de aanvraag zijn opgelost.")
        let warningsMean = t("Warnings ask for a change, or for an explanation: deviations that can be explained are allowed.",
                             "Waarschuwingen vragen om een aanpassing of om een toelichting: afwijkingen die goed te verklaren zijn, zijn toegestaan.")
        return [errors > 0 ? errorsMean : nil, warnings > 0 ? warningsMean : nil].compactMap { $0 }.joined(separator: " ")
    }

    // MARK: headings

    var programmeHeading: String { t("What the programme asks", "Wat het programma vraagt") }
    var findingsHeading: String { t("What we found", "Wat wij vonden") }
    var errorsHeading: String { t("Errors", "Fouten") }
    var warningsHeading: String { t("Warnings", "Waarschuwingen") }
    var notesHeading: String { t("For your information", "Ter informatie") }
    var proposalHeading: String { t("Our proposal", "Ons voorstel") }
    var figuresHeading: String { t("Your region in figures", "Uw regio in cijfers") }
    var mapHeading: String { t("Your region and its neighbours", "Uw regio en de buurregio's") }

    // MARK: closing

    var closing: String {
        t("We will contact you in the coming weeks to discuss this. If you have questions before then, or see a reason for the present grouping that we do not know, please let us know.",
          "Wij nemen de komende weken contact met u op om dit te bespreken. Heeft u eerder vragen, of is er een reden voor de huidige indeling die wij niet kennen, laat het ons dan weten.")
    }
    var regards: String { t("Kind regards,", "Met vriendelijke groet,") }
    var signature: String { t("the support team Sterk Techniekonderwijs", "het ondersteuningsteam Sterk Techniekonderwijs") }

    // MARK: figures

    var figureColumn: String { t("figure", "kenmerk") }
    var schoolsLabel: String { t("Schools", "Scholen") }
    var countedLabel: String { t("Counted pupils (BB, KB, GL, years 3–4)", "Getelde leerlingen (BB, KB, GL, leerjaar 3–4)") }
    var technicalLabel: String { t("Technical pupils", "Technische leerlingen") }
    var shareLabel: String { t("Technical share", "Technisch aandeel") }
    var budgetLabel: String { t("Budget", "Budget") }

    /// The rows of a region's figures: label and value.
    func figures(_ region: RegionFigures, settings: AuditSettings) -> [(label: String, value: String)] {
        [(schoolsLabel, schools(region)),
         (countedLabel, language.integer(region.countedStudents)),
         (technicalLabel, language.integer(region.technicalStudents)),
         (shareLabel, share(region, settings: settings)),
         (budgetLabel, budget(region, settings: settings))]
    }

    /// "54 schools, 12 with a technical profile" / "54 scholen, waarvan 12 met een technisch profiel".
    func schools(_ region: RegionFigures) -> String {
        let all = language.count(region.schools.count, "school", t("schools", "scholen"))
        return all + t(", \(language.integer(region.technicalSchools.count)) with a technical profile",
                       ", waarvan \(language.integer(region.technicalSchools.count)) met een technisch profiel")
    }

    /// "26.1 %", with the techniekarm threshold when the region is below it.
    func share(_ region: RegionFigures, settings: AuditSettings) -> String {
        guard let share = region.technicalShare else { return t("none (no counted pupils)", "geen (geen getelde leerlingen)") }
        let text = language.percent(share)
        guard region.techniekarm else { return text }
        return text + t(": techniekarm (below \(language.percent(settings.techniekarmShareBelow, decimals: 0)))",
                        ": techniekarm (onder \(language.percent(settings.techniekarmShareBelow, decimals: 0)))")
    }

    /// A region's amount (technical pupils × the amount per pupil), or a techniekarm region's separate range.
    func budget(_ region: RegionFigures, settings: AuditSettings) -> String {
        guard let amount = region.budgetEUR else {
            return BudgetText.range(region.budgetRangeEUR ?? TechniekarmBudget.rangeEUR, in: language)
                + t(" (the separate techniekarm budget)", " (het aparte budget voor techniekarme regio's)")
        }
        return language.money(amount) + " (\(language.integer(region.technicalStudents)) × \(language.money(settings.budgetPerTechnicalStudentEUR)))"
    }

    // MARK: the map

    func mapTitle(_ region: String) -> String {
        t("Map of region \(region) and its neighbours", "Kaart van regio \(region) en de buurregio's")
    }

    var mapCaption: String {
        t("Your region outlined in black, its schools as black dots (larger: with a technical profile); other regions' schools white, schools in no region grey. Red lines join close-by schools in different regions; red rings mark schools of a finding; amber areas with a dashed edge are overlaps.",
          "Uw regio zwart omlijnd, haar scholen als zwarte stippen (groter: met een technisch profiel); scholen van andere regio's wit, scholen zonder regio grijs. Rode lijnen verbinden scholen dicht bij elkaar in verschillende regio's; rode ringen tonen scholen van een bevinding; oranje vlakken met een gestippelde rand zijn overlappingen.")
    }

    var noMap: String {
        t("No map: the region lists no school with a known location.", "Geen kaart: de regio noemt geen school met een bekende ligging.")
    }
}
