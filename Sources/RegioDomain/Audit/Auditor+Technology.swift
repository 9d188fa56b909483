/// Technology rules for one region: the lead's profiles, techniekarm, too few technical schools or students.
extension Auditor {
    func technologyFindings(_ region: Region, figures: RegionFigures) -> [Finding] {
        var findings: [Finding] = []
        if figures.techniekarm, let s = figures.technicalShare {
            findings.append(Finding(.techniekarm, regions: [region.id], schools: region.schools,
                message: "\(region.id) is techniekarm: \(percent(s)) of its \(figures.countedStudents) counted students are in a technical profile (below \(percent(settings.techniekarmShareBelow)))",
                value: s))
        }
        // lead-without-technology: the lead has no technical student and the region is not techniekarm.
        if let lead = region.lead, isKnown(lead), !offersTechnology(lead), let s = figures.technicalShare,
           s >= settings.techniekarmShareBelow {
            findings.append(Finding(.leadWithoutTechnology, regions: [region.id], schools: [lead],
                message: "the lead of \(region.id), \(label(lead)), offers no technical profile while the region is not techniekarm (\(percent(s)) technical): choose a lead with technical profiles"))
        }
        guard !region.schools.isEmpty else { return findings }
        let technicalSchools = knownMembers(region).filter(offersTechnology)
        // Whether they are alone only matters to a region with few technical schools (the search is the
        // costly part of this rule: every school within the isolation distance of each technical school).
        let alone = technicalSchools.count < max(settings.minimumTechnicalSchools, 2)
            && onlyTechnologyInCatchment(region, technicalSchools: technicalSchools)
        if technicalSchools.count < settings.minimumTechnicalSchools && !alone {
            findings.append(Finding(.undersizedRegion, regions: [region.id], schools: region.schools,
                message: "\(region.id) has \(technicalSchools.count) school\(technicalSchools.count == 1 ? "" : "s") with technical profiles, fewer than \(settings.minimumTechnicalSchools), and its catchment area has others: merge with a neighbour",
                value: Double(technicalSchools.count)))
        } else if settings.minimumTechnicalStudents > 0 && figures.technicalStudents < settings.minimumTechnicalStudents {
            findings.append(Finding(.undersizedRegion, regions: [region.id], schools: region.schools,
                message: "\(region.id) has \(figures.technicalStudents) technical students, fewer than the minimum \(settings.minimumTechnicalStudents)",
                value: Double(figures.technicalStudents)))
        }
        if technicalSchools.count == 1 && alone {
            findings.append(Finding(.singleTechnologySchool, regions: [region.id], schools: technicalSchools,
                message: "\(region.id) has one school with technical profiles, \(label(technicalSchools[0])), and its catchment has no other: allowed"))
        }
        return findings
    }

    /// Whether the region's technical schools are the only ones in their catchment: no technical school of
    /// another region (or of none) lies within the isolation distance of them, or (with catchment areas) their
    /// areas hold no other technical school.
    func onlyTechnologyInCatchment(_ region: Region, technicalSchools: [SchoolCode]) -> Bool {
        guard !technicalSchools.isEmpty else { return false }
        let members = Set(region.schools)
        let isolated = technicalSchools.allSatisfy { code in
            guard let p = locationOf[code] else { return false }
            return pointIndex.query(around: p, within: settings.isolationDistanceMeters).allSatisfy { i in
                let other = located[i]
                return members.contains(other) || !offersTechnology(other)
                    || locationOf[other]!.distance(to: p) > settings.isolationDistanceMeters
            }
        }
        if isolated { return true }
        guard let catchments = input.catchments else { return false }
        let areas = Set(technicalSchools.compactMap { catchments.areaOfSchool[$0] })
        guard !areas.isEmpty else { return false }
        return areas.allSatisfy { area in
            catchments.areas[area].schools.allSatisfy { members.contains($0) || !offersTechnology($0) }
        }
    }
}
