import RegioDomain
import RegioSpatial

/// Running the domain's computations on a loaded dataset; failures of the geometry library are reported
/// as input errors against the municipality map, the input they come from.
extension Dataset {
    /// The audit input of this dataset (a pre-registration is required).
    public func auditInput(catchments: CatchmentPartition?) throws(InputError) -> AuditInput {
        guard let registration else {
            throw InputError(.fileNotFound, file: "--registrations", message: "no pre-registration given: pass --registrations FILE")
        }
        return AuditInput(schools: register.schools, counts: students?.counts ?? [:], map: map, placement: placement,
                          registration: registration, settings: settings, catchments: catchments)
    }

    /// The catchment areas of this dataset's municipalities and schools.
    public func catchments(seed: UInt64 = 1) throws(InputError) -> CatchmentPartition {
        do {
            return try CatchmentBuilder.partition(map: map, schools: register.schools, counts: students?.counts ?? [:],
                                                  placement: placement, settings: settings, seed: seed)
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "cannot form catchment areas: \(error)")
        }
    }

    /// The full audit with its suggestions, and the territories (EPSG:28992) for exports.
    public func audit(catchments: CatchmentPartition?) throws(InputError) -> (result: AuditResult, territories: [String: Geometry]) {
        let auditor = try auditor(catchments: catchments)
        return (try suggested(auditor), auditor.territories)
    }

    /// The auditor's current result with the suggestions of ``SuggestionEngine``.
    public func suggested(_ auditor: Auditor) throws(InputError) -> AuditResult {
        do {
            return auditor.result.with(suggestions: try SuggestionEngine(auditor: auditor).suggestions())
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "a geometry operation failed while weighing suggestions: \(error)")
        }
    }

    /// An auditor of this dataset's registration, to update with scenario edits.
    public func auditor(catchments: CatchmentPartition?) throws(InputError) -> Auditor {
        let input = try auditInput(catchments: catchments)
        do {
            return try Auditor(input)
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "a geometry operation failed during the audit: \(error)")
        }
    }
}
