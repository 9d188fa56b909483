import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's nginx, run as a child process by a test: `deploy/nginx-regio.conf`'s own server blocks, with a
/// test certificate, loopback ports and the upstream's port put in, inside a minimal main configuration whose
/// pid file, logs and temporary paths all lie in a temporary folder.
final class NginxProcess: @unchecked Sendable {
    /// The nginx binary (on the PATH, or in /usr/sbin where Debian puts it), or nil.
    static let binary: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin"]
        return folders.map { "\($0)/nginx" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    let folder: URL
    private let process = Process()
    private let output = Pipe()

    /// Starts nginx on `configuration` (a whole nginx.conf) in `folder`, and waits until it listens (its pid
    /// file appears once the listening sockets are open). Throws with nginx's error log when it stops first.
    init(configuration: String, in folder: URL) throws {
        self.folder = folder
        let file = folder.appendingPathComponent("nginx.conf")
        try configuration.write(to: file, atomically: true, encoding: .utf8)
        let arguments = ["-p", folder.path, "-c", file.path, "-e", folder.appendingPathComponent("error.log").path]
        let test = try RegioProcess.capture(URL(fileURLWithPath: Self.binary!), ["-t"] + arguments)
        guard test.status == 0 else {
            throw Failure(description: "nginx -t refuses the configuration:\n\(test.stderr)\n\(configuration)")
        }
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let pid = folder.appendingPathComponent("nginx.pid")
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: pid.path) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw Failure(description: "nginx did not start:\n\(errorLog)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// nginx's error log so far.
    var errorLog: String {
        (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? "(no error log)"
    }

    /// SIGTERM: nginx's fast shutdown (the master stops its workers); SIGKILL after 10 s.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The main configuration around `servers` (server and upstream blocks, as in a sites-available file):
    /// no daemon, one worker, every file nginx writes in `folder`.
    static func mainConfiguration(servers: String, folder: URL) -> String {
        let f = folder.path
        return """
            daemon off;
            worker_processes 1;
            pid \(f)/nginx.pid;
            error_log \(f)/error.log info;
            events { worker_connections 64; }
            http {
                access_log \(f)/access.log;
                client_body_temp_path \(f)/client_body;
                proxy_temp_path \(f)/proxy;
                fastcgi_temp_path \(f)/fastcgi;
                uwsgi_temp_path \(f)/uwsgi;
                scgi_temp_path \(f)/scgi;
            \(servers)
            }

            """
    }

    /// `deploy/nginx-regio.conf` with each of `replacements` (a whole line of the file, trimmed → its
    /// replacement; "" drops the line) made. Every line to replace must be in the file, so the test fails when
    /// the deploy file changes in a way the test does not follow.
    static func deployedServers(_ replacements: [(line: String, with: String)]) throws -> String {
        let file = RegioProcess.packageRoot.appendingPathComponent("deploy/nginx-regio.conf")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        for (line, replacement) in replacements {
            let hits = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == line }
            guard !hits.isEmpty else {
                throw Failure(description: "deploy/nginx-regio.conf has no line '\(line)': keep the test in step with it")
            }
            for index in hits { lines[index] = replacement.isEmpty ? "" : "    " + replacement }
        }
        return lines.joined(separator: "\n")
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago: the system's choice for a socket bound to port 0, which
/// is then closed. (nginx cannot be told "any free port" and print it, as regio serve can.)
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw NginxProcess.Failure(description: "socket: errno \(errno)") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
        }
    }
    guard bound else { throw NginxProcess.Failure(description: "bind to 127.0.0.1:0: errno \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
}
