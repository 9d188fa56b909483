/// Technology rules: the lead's profiles, techniekarm, too few technical schools or students.
extension Auditor {
    func technologyFindings(shares: [(counted: Int, technical: Int, share: Double?)]) -> [Finding] {
        var findings: [Finding] = []
        for (region, share) in zip(regions, shares) {
            let techniekarm = isTechniekarm(share.share)
            if techniekarm, let s = share.share {
                findings.append(Finding(.techniekarm, regions: [region.id], schools: region.schools,
                    message: "\(region.id) is techniekarm: \(percent(s)) of its \(share.counted) counted students are in a technical profile (below \(percent(settings.techniekarmShareBelow)))",
                    value: s))
            }
            // lead-without-technology: the lead has no technical student and the region is not techniekarm.
            if let lead = region.lead, schoolByCode[lead] != nil, !offersTechnology(lead), let s = share.share,
               s >= settings.techniekarmShareBelow {
                findings.append(Finding(.leadWithoutTechnology, regions: [region.id], schools: [lead],
                    message: "the lead of \(region.id), \(label(lead)), offers no technical profile while the region is not techniekarm (\(percent(s)) technical): choose a lead with technical profiles"))
            }
            let technicalSchools = knownMembers(region).filter(offersTechnology)
            guard !region.schools.isEmpty else { continue }
            let aloneInCatchment = onlyTechnologyInCatchment(region, technicalSchools: technicalSchools)
            if technicalSchools.count < settings.minimumTechnicalSchools && !aloneInCatchment {
                findings.append(Finding(.undersizedRegion, regions: [region.id], schools: region.schools,
                    message: "\(region.id) has \(technicalSchools.count) school\(technicalSchools.count == 1 ? "" : "s") with technical profiles, fewer than \(settings.minimumTechnicalSchools), and its catchment area has others: merge with a neighbour",
                    value: Double(technicalSchools.count)))
            } else if settings.minimumTechnicalStudents > 0 && share.technical < settings.minimumTechnicalStudents {
                findings.append(Finding(.undersizedRegion, regions: [region.id], schools: region.schools,
                    message: "\(region.id) has \(share.technical) technical students, fewer than the minimum \(settings.minimumTechnicalStudents)",
                    value: Double(share.technical)))
            }
            if technicalSchools.count == 1 && aloneInCatchment {
                findings.append(Finding(.singleTechnologySchool, regions: [region.id], schools: technicalSchools,
                    message: "\(region.id) has one school with technical profiles, \(label(technicalSchools[0])), and its catchment area has no other: allowed"))
            }
        }
        return findings
    }

    /// Whether the region holds every technical school of the catchment areas its technical schools lie
    /// in (so it cannot grow by taking in a neighbour's). False without catchment areas.
    func onlyTechnologyInCatchment(_ region: Region, technicalSchools: [SchoolCode]) -> Bool {
        guard let catchments = input.catchments, !technicalSchools.isEmpty else { return false }
        let members = Set(region.schools)
        let areas = Set(technicalSchools.compactMap { catchments.areaOfSchool[$0] })
        guard !areas.isEmpty else { return false }
        for area in areas {
            for code in catchments.areas[area].schools where offersTechnology(code) && !members.contains(code) {
                return false
            }
        }
        return true
    }
}
