/// Who is listed where: double listings, unknown codes, empty regions, uncovered schools, split institutions.
extension Auditor {
    /// `school-in-multiple-regions` and `uncovered-school` for one school of the register or the listings.
    func membershipFindings(_ code: SchoolCode) -> [Finding] {
        let ids = regionsOfSchool[code] ?? []
        if ids.count > 1 && isVmboOrVso(code) {
            let names = ids.sorted()
            return [Finding(.schoolInMultipleRegions, regions: names, schools: [code],
                message: "\(label(code)) is listed by \(names.joined(separator: " and ")): a school takes part in one region only")]
        }
        if ids.isEmpty, isKnown(code), offersTechnology(code) {
            return [Finding(.uncoveredSchool, regions: [], schools: [code],
                message: "\(label(code)) offers technical profiles (\(technical(code)) technical students) but is in no region")]
        }
        return []
    }

    /// `unknown-school` (one per code) and `empty-region` for one region.
    func registrationFindings(_ region: Region) -> [Finding] {
        var findings: [Finding] = []
        for raw in region.malformedCodes {
            findings.append(Finding(.unknownSchool, regions: [region.id], rawSchools: [raw],
                message: "\(region.id) lists '\(raw)', which is not a school code: \(SchoolCode.diagnosis(raw) ?? SchoolCode.shape)"))
        }
        for code in region.schools where !isKnown(code) {
            findings.append(Finding(.unknownSchool, regions: [region.id], schools: [code],
                message: "\(region.id) lists \(code), which is not in the school register: check the code"))
        }
        if region.schools.isEmpty && region.malformedCodes.isEmpty {
            findings.append(Finding(.emptyRegion, regions: [region.id],
                message: "\(region.id) (\(region.name)) lists no school: a region needs member schools"))
        }
        return findings
    }

    /// `split-institution`: locations of one institution in different regions (allowed).
    func splitInstitutionFindings(_ institution: String) -> [Finding] {
        let schools = (locationsOfInstitution[institution] ?? []).filter { regionsOfSchool[$0] != nil }
        let ids = Set(schools.flatMap { regionsOfSchool[$0] ?? [] })
        guard ids.count > 1 else { return [] }
        return [Finding(.splitInstitution, regions: Array(ids), schools: schools,
            message: "institution \(institution) has locations in \(ids.sorted().joined(separator: ", ")) (allowed: each location is in one region)")]
    }
}
