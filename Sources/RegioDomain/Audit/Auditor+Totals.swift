/// The national totals of the current registration (``AuditTotals``).
extension Auditor {
    /// Sums the regions' `figures` (the current ones, in registration order) and takes back what a school
    /// listed by several regions added more than once: only such schools (``multiplyListed``) are visited,
    /// so a result after a small edit costs no walk over every school.
    func totals(of figures: [RegionFigures]) -> AuditTotals {
        var (counted, technical, paidTechnical, techniekarm) = (0, 0, 0, 0)
        for f in figures {
            counted += f.countedStudents
            technical += f.technicalStudents
            if f.techniekarm { techniekarm += 1 } else { paidTechnical += f.technicalStudents }
        }
        for code in multiplyListed {
            guard let students = studentsOf[code], let ids = regionsOfSchool[code] else { continue }
            counted -= students.counted * (ids.count - 1)
            technical -= students.technical * (ids.count - 1)
            let paying = ids.filter { regionStates[$0]?.figures.techniekarm == false }.count
            if paying > 1 { paidTechnical -= students.technical * (paying - 1) }
        }
        return AuditTotals(regions: figures.count, schools: listedSchoolCount, countedStudents: counted,
                           technicalStudents: technical,
                           budgetEUR: Double(paidTechnical) * settings.budgetPerTechnicalStudentEUR,
                           techniekarmRegions: techniekarm)
    }
}
