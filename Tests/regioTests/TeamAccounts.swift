import Foundation

/// Accounts of a `regio serve --team` database, made as an administrator makes them: `regio users add` with
/// the password on standard input.
enum TeamAccounts {
    /// `regio users add NAME --role ROLE [--region ID] --database FILE --password-stdin`, `password` written to
    /// its standard input.
    static func add(_ name: String, role: String, region: String? = nil, database: String,
                    password: String) throws -> RegioProcess.Output {
        var arguments = ["users", "add", name, "--role", role, "--database", database, "--password-stdin"]
        if let region { arguments += ["--region", region] }
        return try RegioProcess.run(arguments, input: password + "\n")
    }
}
