/// Who is listed where: double listings, unknown codes, empty regions, uncovered schools, split institutions.
extension Auditor {
    func membershipFindings() -> [Finding] {
        var findings: [Finding] = []
        // school-in-multiple-regions: one per vmbo or vso school listed by two or more regions.
        for (code, ids) in regionsOfSchool where ids.count > 1 && isVmboOrVso(code) {
            let names = ids.sorted()
            findings.append(Finding(.schoolInMultipleRegions, regions: names, schools: [code],
                message: "\(label(code)) is listed by \(names.joined(separator: " and ")): a school takes part in one region only"))
        }
        for region in regions {
            // unknown-school: one per region and code.
            for raw in region.malformedCodes {
                findings.append(Finding(.unknownSchool, regions: [region.id], rawSchools: [raw],
                    message: "\(region.id) lists '\(raw)', which is not a school code: expected 6 characters like 00AB01"))
            }
            for code in region.schools where schoolByCode[code] == nil {
                findings.append(Finding(.unknownSchool, regions: [region.id], schools: [code],
                    message: "\(region.id) lists \(code), which is not in the school register: check the code"))
            }
            // empty-region: no school listed at all.
            if region.schools.isEmpty && region.malformedCodes.isEmpty {
                findings.append(Finding(.emptyRegion, regions: [region.id],
                    message: "\(region.id) (\(region.name)) lists no school: a region needs member schools"))
            }
        }
        // uncovered-school: a school offering a technical profile that no region lists.
        for school in input.schools where regionsOfSchool[school.code] == nil && offersTechnology(school.code) {
            findings.append(Finding(.uncoveredSchool, regions: [], schools: [school.code],
                message: "\(school.label) offers technical profiles (\(technical(school.code)) technical students) but is in no region"))
        }
        // split-institution: locations of one institution in different regions (allowed).
        var regionsOfInstitution: [String: Set<String>] = [:]
        var schoolsOfInstitution: [String: Set<SchoolCode>] = [:]
        for (code, ids) in regionsOfSchool where schoolByCode[code] != nil {
            regionsOfInstitution[code.institution, default: []].formUnion(ids)
            schoolsOfInstitution[code.institution, default: []].insert(code)
        }
        for (institution, ids) in regionsOfInstitution where ids.count > 1 {
            let schools = schoolsOfInstitution[institution]!.sorted()
            findings.append(Finding(.splitInstitution, regions: Array(ids), schools: schools,
                message: "institution \(institution) has locations in \(ids.sorted().joined(separator: ", ")) (allowed: each location is in one region)"))
        }
        return findings
    }
}
